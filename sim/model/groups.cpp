#include "supplysim/model/groups.hpp"

#include <algorithm>

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
    segment_count_ = seg.count();
    cell_groups_.resize(static_cast<std::size_t>(cell_count()));
    for (int c = 0; c < seg.countries; ++c)
        for (int x = 0; x < seg.sectors; ++x)
            for (int t = 0; t < seg.tiers; ++t)
                for (int d = 0; d < demo::cells; ++d)
                    for (int inf = 0; inf < 2; ++inf) {
                        const auto demography = static_cast<std::uint8_t>(d);
                        auto& list = cell_groups_[cell_of(seg.of(c, x, t), demography, inf)];
                        list.push_back(0);
                        for (const auto& w : written) {
                            int index = 0;
                            for (std::size_t p = 0; p < w.parts.size(); ++p)
                                index = index * w.sizes[p] + value_in_dimension(w.parts[p], c, x, t, demography, inf);
                            list.push_back(w.first + index);
                        }
                    }
}

}  // namespace supplysim
