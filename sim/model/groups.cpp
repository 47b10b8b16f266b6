#include "supplysim/model/groups.hpp"

#include <algorithm>
#include <map>

#include "supplysim/model/world.hpp"

namespace supplysim {

namespace {

bool wanted(const Scenario& s, const std::string& dimension) {
    const auto& dims = s.outputs.dimensions;
    return std::find(dims.begin(), dims.end(), dimension) != dims.end();
}

// Value of each dimension for a cell, as an index into that dimension's value list.
int value_in_dimension(const std::string& dim, int country, int sector, int tier, std::uint8_t d, bool informal) {
    if (dim == "country") return country;
    if (dim == "sector") return sector;
    if (dim == "tier") return tier;
    if (dim == "gender") return (d & demo::female) ? 0 : 1;
    if (dim == "age_band") return demo::age_band(d);
    if (dim == "migrant") return (d & demo::migrant) ? 0 : 1;
    if (dim == "disability") return (d & demo::disabled) ? 0 : 1;
    if (dim == "ethnicity") return (d & demo::minority) ? 0 : 1;
    if (dim == "indigenous") return (d & demo::indigenous) ? 0 : 1;
    return informal ? 1 : 0;  // formality
}

std::vector<std::string> values_of(const Scenario& s, const std::string& dim) {
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
    else out = {"formal", "informal"};
    return out;
}

}  // namespace

GroupLayout::GroupLayout(const Scenario& s) {
    groups_.push_back({"all", "all"});
    std::vector<std::pair<std::string, int>> first_group;  // dimension -> index of its first group
    for (const char* dim : all_dimensions) {
        if (!wanted(s, dim)) continue;
        first_group.emplace_back(dim, static_cast<int>(groups_.size()));
        for (auto& v : values_of(s, dim)) groups_.push_back({dim, v});
    }
    Segments seg{static_cast<int>(s.countries.size()), static_cast<int>(s.sectors.size()),
                 static_cast<int>(s.tiers.size())};
    segment_count_ = seg.count();
    cell_groups_.resize(static_cast<std::size_t>(cell_count()));
    for (int c = 0; c < seg.countries; ++c)
        for (int x = 0; x < seg.sectors; ++x)
            for (int t = 0; t < seg.tiers; ++t)
                for (int d = 0; d < demo::cells; ++d)
                    for (int inf = 0; inf < 2; ++inf) {
                        auto& list = cell_groups_[cell_of(seg.of(c, x, t), static_cast<std::uint8_t>(d), inf)];
                        list.push_back(0);
                        for (auto& [dim, first] : first_group)
                            list.push_back(first + value_in_dimension(dim, c, x, t, static_cast<std::uint8_t>(d), inf));
                    }
}

}  // namespace supplysim
