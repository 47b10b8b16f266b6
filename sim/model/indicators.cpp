#include "supplysim/model/indicators.hpp"

#include <limits>

namespace supplysim {

namespace {

std::vector<IndicatorSpec> make_catalogue() {
    std::vector<IndicatorSpec> list;
    const char* area_meaning[area_count] = {
        "occupational safety and health", "payment of at least the minimum wage and of wages due",
        "legal working-time limits and overtime rules", "written contracts and social-security registration",
        "freedom of association and collective bargaining", "no child labour",
        "no forced labour (including debt bondage through recruitment fees)",
        "no discrimination or harassment"};
    for (std::size_t a = 0; a < area_count; ++a)
        list.push_back({"compliance." + std::string(area_names[a]), "share of workers",
                        "Share of employed workers whose employer complies on " + std::string(area_meaning[a]) + ".",
                        IndicatorKind::share, c_compliant_first + int(a), 1.0});
    list.push_back({"wage_to_minimum", "ratio", "Mean monthly wage of employed workers divided by the minimum wage.",
                    IndicatorKind::ratio, c_wage_milli, 1e-3});
    list.push_back({"below_minimum_wage", "share of workers", "Share of employed workers paid below the minimum wage.",
                    IndicatorKind::share, c_below_minimum, 1.0});
    list.push_back({"excess_hours", "share of workers",
                    "Share of employed workers whose weekly hours exceed the legal limit.", IndicatorKind::share,
                    c_excess_hours, 1.0});
    list.push_back({"injury_rate", "injuries per 1,000 workers per month",
                    "Occupational injuries in the month per 1,000 employed workers.", IndicatorKind::rate, c_injuries,
                    1000.0});
    list.push_back({"harassment", "share of workers",
                    "Share of employed workers who experienced harassment or violence at work in the month.",
                    IndicatorKind::share, c_harassed, 1.0});
    list.push_back({"union_density", "share of workers", "Share of employed workers who are union members.",
                    IndicatorKind::share, c_union, 1.0});
    list.push_back({"informal_share", "share of workers",
                    "Share of employed workers in informal employment (no contract or registration).",
                    IndicatorKind::share, c_informal, 1.0});
    list.push_back({"subcontracted_share", "share of workers",
                    "Share of employed workers producing orders passed down from a higher tier.",
                    IndicatorKind::share, c_subcontracted, 1.0});
    list.push_back({"quit_rate", "share of workers", "Share of employed workers who quit in the month.",
                    IndicatorKind::share, c_quits, 1.0});
    list.push_back({"inspection_coverage", "share of workers",
                    "Share of employed workers whose workplace a labour inspector visited in the month.",
                    IndicatorKind::share, c_inspected, 1.0});
    list.push_back({"child_labour", "workers",
                    "Workers under 18 employed by firms that do not comply on child labour (model population).",
                    IndicatorKind::count, c_child_labour, 1.0});
    list.push_back({"forced_labour", "workers",
                    "Migrant workers held by recruitment debt in firms that do not comply on forced labour.",
                    IndicatorKind::count, c_forced_labour, 1.0});
    list.push_back({"better_work_coverage", "share of workers",
                    "Share of employed workers in factories enrolled in Better Work (interventions).",
                    IndicatorKind::share, c_better_work, 1.0});
    list.push_back({"programme_coverage", "share of workers",
                    "Share of employed workers in firms taking part in an enterprise programme (Better Work, SCORE, SYMAPRO, sector or PPP-funded programmes).",
                    IndicatorKind::share, c_programme, 1.0});
    list.push_back({"ifa_coverage", "share of workers",
                    "Share of employed workers in suppliers covered by an international framework agreement.",
                    IndicatorKind::share, c_ifa, 1.0});
    list.push_back({"injuries_compensated", "compensated injuries per 1,000 workers per month",
                    "Occupational injuries compensated by employment-injury insurance or an emergency fund, per 1,000 employed workers.",
                    IndicatorKind::rate, c_injury_compensated, 1000.0});
    list.push_back({"employment", "workers", "Workers employed in the month (model population).",
                    IndicatorKind::count, c_employed, 1.0});
    return list;
}

}  // namespace

const std::vector<IndicatorSpec>& indicator_catalogue() {
    static const std::vector<IndicatorSpec> catalogue = make_catalogue();
    return catalogue;
}

const char* kind_name(IndicatorKind k) {
    switch (k) {
        case IndicatorKind::share: return "share";
        case IndicatorKind::ratio: return "ratio";
        case IndicatorKind::rate: return "rate";
        case IndicatorKind::count: return "count";
    }
    return "share";
}

namespace {

// Indicator values for every group from the month's per-group counter totals.
void write_values(const std::vector<std::uint64_t>& totals, int groups, int month, Series& series) {
    const auto& catalogue = indicator_catalogue();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        const auto& spec = catalogue[i];
        for (int g = 0; g < groups; ++g) {
            const std::uint64_t* t = &totals[std::size_t(g) * counter_count];
            double v;
            if (spec.kind == IndicatorKind::count) v = spec.scale * double(t[spec.numerator]);
            else v = t[c_employed] ? spec.scale * double(t[spec.numerator]) / double(t[c_employed]) : nan;
            series.at(int(i), month, g) = v;
        }
    }
}

inline void add_row(std::uint64_t* __restrict out, const std::uint64_t* __restrict in) {
    for (int k = 0; k < counter_count; ++k) out[k] += in[k];
}

}  // namespace

// The reference implementation: every cell, every group of the cell. MonthRecorder gives the same values.
void record_month(const CellCounters& cells, const GroupLayout& layout, int month, Series& series) {
    const int groups = layout.group_count();
    std::vector<std::uint64_t> totals(std::size_t(groups) * counter_count, 0);
    for (int cell = 0; cell < layout.cell_count(); ++cell) {
        const std::uint64_t* row = &cells[std::size_t(cell) * counter_count];
        if (row[c_employed] == 0) continue;  // counters are only nonzero where someone is employed
        for (int g : layout.groups_of_cell(cell)) {
            std::uint64_t* out = &totals[std::size_t(g) * counter_count];
            for (int k = 0; k < counter_count; ++k) out[k] += row[k];
        }
    }
    write_values(totals, groups, month, series);
}

MonthRecorder::MonthRecorder(const GroupLayout& layout)
    : groups_(layout.group_count()), blocks_(layout.cell_count() / GroupLayout::cells_per_block) {
    constexpr int per_block = GroupLayout::cells_per_block;
    const int cells = layout.cell_count();
    totals_.assign(std::size_t(groups_) * counter_count, 0);
    // Which positions of the cells' group lists depend on the block only, which on k only.
    const std::size_t n = cells > 0 ? layout.groups_of_cell(0).size() : 0;
    std::vector<char> block_only(n, 1), k_only(n, 1);
    for (int cell = 0; cell < cells; ++cell) {
        const auto& list = layout.groups_of_cell(cell);
        const auto& first_of_block = layout.groups_of_cell(cell - cell % per_block);
        const auto& same_k = layout.groups_of_cell(cell % per_block);
        for (std::size_t p = 0; p < n; ++p) {
            block_only[p] &= list[p] == first_of_block[p];
            k_only[p] &= list[p] == same_k[p];
        }
    }
    std::vector<std::size_t> block_pos, k_pos, cell_pos;
    for (std::size_t p = 0; p < n; ++p) (block_only[p] ? block_pos : k_only[p] ? k_pos : cell_pos).push_back(p);
    block_positions_ = int(block_pos.size());
    k_positions_ = int(k_pos.size());
    cell_positions_ = int(cell_pos.size());
    for (int b = 0; b < blocks_; ++b)
        for (auto p : block_pos) block_groups_.push_back(layout.groups_of_cell(b * per_block)[p]);
    for (int k = 0; k < per_block && cells > 0; ++k)
        for (auto p : k_pos) k_groups_.push_back(layout.groups_of_cell(k)[p]);
    for (int cell = 0; cell_positions_ > 0 && cell < cells; ++cell)
        for (auto p : cell_pos) cell_groups_.push_back(layout.groups_of_cell(cell)[p]);
    k_sums_.assign(std::size_t(per_block) * counter_count, 0);
    block_sums_.assign(std::size_t(blocks_) * counter_count, 0);
    block_used_.reserve(std::size_t(blocks_));
    k_used_.reserve(per_block);
}

void MonthRecorder::record(const MonthCells& cells, int month, Series& series) {
    constexpr int per_block = GroupLayout::cells_per_block;
    std::fill(totals_.begin(), totals_.end(), 0);
    // Every listed row has someone employed; every other row is zero.
    for (const std::uint32_t offset : cells.rows) {
        const std::uint64_t* row = &cells.values[offset];
        const auto cell = int(offset / counter_count);
        const int b = cell / per_block, k = cell % per_block;
        std::uint64_t* block_sum = &block_sums_[std::size_t(b) * counter_count];
        std::uint64_t* k_sum = &k_sums_[std::size_t(k) * counter_count];
        if (block_sum[c_employed] == 0) block_used_.push_back(b);
        if (k_sum[c_employed] == 0) k_used_.push_back(k);
        add_row(block_sum, row);
        add_row(k_sum, row);
        for (int p = 0; p < cell_positions_; ++p)
            add_row(&totals_[std::size_t(cell_groups_[std::size_t(cell) * cell_positions_ + p]) * counter_count], row);
    }
    for (const int b : block_used_) {
        std::uint64_t* block_sum = &block_sums_[std::size_t(b) * counter_count];
        for (int p = 0; p < block_positions_; ++p)
            add_row(&totals_[std::size_t(block_groups_[std::size_t(b) * block_positions_ + p]) * counter_count], block_sum);
        std::fill_n(block_sum, counter_count, 0);
    }
    for (const int k : k_used_) {
        std::uint64_t* k_sum = &k_sums_[std::size_t(k) * counter_count];
        for (int p = 0; p < k_positions_; ++p)
            add_row(&totals_[std::size_t(k_groups_[std::size_t(k) * k_positions_ + p]) * counter_count], k_sum);
        std::fill_n(k_sum, counter_count, 0);
    }
    block_used_.clear();
    k_used_.clear();
    write_values(totals_, groups_, month, series);
}

}  // namespace supplysim
