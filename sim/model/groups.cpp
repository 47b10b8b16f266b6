#include "supplysim/model/groups.hpp"

#include <algorithm>

#include "supplysim/model/levers/lever.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

namespace {

bool wanted(const Scenario& s, const std::string& dimension) {
    const auto& dims = s.outputs.dimensions;
    return std::find(dims.begin(), dims.end(), dimension) != dims.end();
}

// Where a cell lies: its segment's coordinates, its programme cohort (as value indices of the
// programme and years_in_programme dimensions) and its demography byte and formality.
struct CellPlace {
    int country = 0, sector = 0, tier = 0, programme = 0, years = 0;
    std::uint8_t demography = 0;
    bool informal = false;
};

// Value of each dimension for a cell, as an index into that dimension's value list.
int value_in_dimension(const std::string& dim, const CellPlace& c) {
    const std::uint8_t d = c.demography;
    if (dim == "country") return c.country;
    if (dim == "sector") return c.sector;
    if (dim == "tier") return c.tier;
    if (dim == "gender") return (d & demo::female) ? 0 : 1;
    if (dim == "age_band") return demo::age_band(d);
    if (dim == "migrant") return (d & demo::migrant) ? 0 : 1;
    if (dim == "disability") return (d & demo::disabled) ? 0 : 1;
    if (dim == "ethnicity") return (d & demo::minority) ? 0 : 1;
    if (dim == "indigenous") return (d & demo::indigenous) ? 0 : 1;
    if (dim == "programme") return c.programme;
    if (dim == "years_in_programme") return c.years;
    return c.informal ? 1 : 0;  // formality
}

// The names of the scenario's firm programmes in canonical order; a name used twice gets "_2", "_3".
std::vector<std::string> programme_names(const Scenario& s) {
    std::vector<std::string> names;
    for (const auto& iv : s.interventions) {
        if (!programme_of(iv.lever)) continue;
        std::string name = iv.name;
        for (int n = 2; std::find(names.begin(), names.end(), name) != names.end(); ++n)
            name = iv.name + "_" + std::to_string(n);
        names.push_back(name);
    }
    return names;
}

// A dimension or crossing written to file: its groups start at `first`; a cell's group is `first` plus
// its component values in row-major order (the first dimension varies slowest).
struct WrittenDimension {
    std::vector<std::string> parts;
    std::vector<int> sizes;
    int first = 0;
};

}  // namespace

std::vector<std::string> dimension_values(const Scenario& s, const std::string& dim) {
    std::vector<std::string> out;
    if (dim == "country") for (auto& c : s.countries) out.push_back(c.name);
    else if (dim == "sector") for (auto& x : s.sectors) out.push_back(x.name);
    else if (dim == "tier") for (auto& t : s.tiers) out.push_back(t.name);
    else if (dim == "gender") out = {"female", "male"};
    else if (dim == "age_band") out = {"under_18", "18_24", "25_54", "55_plus"};
    else if (dim == "migrant") out = {"migrant", "non_migrant"};
    else if (dim == "disability") out = {"disabled", "not_disabled"};
    else if (dim == "ethnicity") out = {"minority", "majority"};
    else if (dim == "indigenous") out = {"indigenous", "non_indigenous"};
    else if (dim == "formality") out = {"formal", "informal"};
    else if (dim == "programme") {
        out = {"not_enrolled"};
        for (auto& name : programme_names(s)) out.push_back(name);
    } else if (dim == "years_in_programme") out = {"not_enrolled", "0", "1", "2", "3", "4", "5_plus"};
    return out;
}

std::vector<std::string> crossing_parts(const std::string& entry) {
    std::vector<std::string> parts(1);
    for (const char ch : entry) {
        if (ch == crossing_separator) parts.emplace_back();
        else parts.back() += ch;
    }
    return parts;
}

GroupLayout::GroupLayout(const Scenario& s) {
    groups_.push_back({"all", "all"});
    // Single dimensions in their fixed order, then crossings in the order listed.
    std::vector<WrittenDimension> written;
    for (const char* dim : all_dimensions)
        if (wanted(s, dim)) written.push_back({{dim}, {}, 0});
    for (const auto& entry : s.outputs.dimensions)
        if (entry.find(crossing_separator) != std::string::npos) written.push_back({crossing_parts(entry), {}, 0});
    for (auto& w : written) {
        w.first = static_cast<int>(groups_.size());
        std::vector<std::vector<std::string>> values;
        std::string name;
        for (const auto& part : w.parts) {
            values.push_back(dimension_values(s, part));
            w.sizes.push_back(static_cast<int>(values.back().size()));
            name += (name.empty() ? "" : std::string(1, crossing_separator)) + part;
        }
        // Every combination of values, the last dimension varying fastest.
        std::vector<int> at(w.parts.size(), 0);
        for (bool more = !values.empty(); more;) {
            std::string value;
            for (std::size_t p = 0; p < at.size(); ++p)
                value += (p ? std::string(1, crossing_separator) : "") + values[p][std::size_t(at[p])];
            groups_.push_back({name, value});
            std::size_t p = at.size();
            while (p > 0 && ++at[p - 1] == w.sizes[p - 1]) at[--p] = 0;
            more = p > 0;
        }
    }
    Segments seg{static_cast<int>(s.countries.size()), static_cast<int>(s.sectors.size()),
                 static_cast<int>(s.tiers.size())};
    programme_count_ = static_cast<int>(programme_names(s).size());
    by_programme_ = std::any_of(written.begin(), written.end(), [](const WrittenDimension& w) {
        return std::find(w.parts.begin(), w.parts.end(), "programme") != w.parts.end();
    });
    by_years_ = std::any_of(written.begin(), written.end(), [](const WrittenDimension& w) {
        return std::find(w.parts.begin(), w.parts.end(), "years_in_programme") != w.parts.end();
    });
    cohort_count_ = by_programme_ && by_years_ ? 1 + programme_count_ * cohort_years
                    : by_programme_            ? 1 + programme_count_
                    : by_years_                ? 1 + cohort_years
                                               : 1;
    // The value indices of each cohort (0 is not enrolled in both dimensions).
    std::vector<std::pair<int, int>> cohort_values(std::size_t(cohort_count_), {0, 0});
    for (int p = -1; p < programme_count_; ++p)
        for (int y = 0; y < cohort_years; ++y) {
            const int c = cohort_of(p, y);
            cohort_values[std::size_t(c)] = {p + 1, p < 0 ? 0 : y + 1};
        }
    block_count_ = seg.count() * cohort_count_;
    cell_groups_.resize(static_cast<std::size_t>(cell_count()));
    for (int c = 0; c < seg.countries; ++c)
        for (int x = 0; x < seg.sectors; ++x)
            for (int t = 0; t < seg.tiers; ++t)
                for (int cohort = 0; cohort < cohort_count_; ++cohort)
                    for (int d = 0; d < demo::cells; ++d)
                        for (int inf = 0; inf < 2; ++inf) {
                            const CellPlace place{c, x, t, cohort_values[std::size_t(cohort)].first,
                                                  cohort_values[std::size_t(cohort)].second,
                                                  static_cast<std::uint8_t>(d), inf != 0};
                            const int block = seg.of(c, x, t) * cohort_count_ + cohort;
                            auto& list = cell_groups_[cell_of(block, place.demography, place.informal)];
                            list.push_back(0);
                            for (const auto& w : written) {
                                int index = 0;
                                for (std::size_t p = 0; p < w.parts.size(); ++p)
                                    index = index * w.sizes[p] + value_in_dimension(w.parts[p], place);
                                list.push_back(w.first + index);
                            }
                        }
}

int GroupLayout::cohort_of(int programme, int years) const {
    if (programme < 0) return 0;
    if (by_programme_ && by_years_) return 1 + programme * cohort_years + years;
    if (by_programme_) return 1 + programme;
    if (by_years_) return 1 + years;
    return 0;
}

void GroupLayout::assign_cell_blocks(World& w, int month) const {
    const auto& firms = w.firms;
    const bool joined_known = int(w.programme_joined.size()) == programme_count_;
    w.firm_cell_block.resize(firms.size());
    for (std::size_t f = 0; f < firms.size(); ++f) {
        int programme = -1, joined = -1;
        for (int p = 0; joined_known && p < programme_count_; ++p) {
            const int j = w.programme_joined[std::size_t(p)][f];
            if (j >= 0 && (joined < 0 || j < joined)) programme = p, joined = j;  // ties: the first in order
        }
        const int cohort = programme >= 0 && month >= joined ? cohort_of(programme, years_in_programme(joined, month)) : 0;
        const int segment = w.segments.of(firms.country[f], firms.sector[f], firms.tier[f]);
        w.firm_cell_block[f] = std::uint32_t(segment * cohort_count_ + cohort);
    }
}

}  // namespace supplysim
