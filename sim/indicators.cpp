#include "supplysim/indicators.hpp"

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

}  // namespace supplysim
