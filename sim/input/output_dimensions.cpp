#include "input/output_dimensions.hpp"

#include <algorithm>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/groups.hpp"

namespace supplysim {

namespace {

std::string dimension_names() {
    std::string list;
    for (const char* d : all_dimensions) list += (list.empty() ? "" : ", ") + std::string(d);
    return list;
}

bool known(const std::string& dimension) {
    return std::find(all_dimensions.begin(), all_dimensions.end(), dimension) != all_dimensions.end();
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

}  // namespace

std::string dimension_entries_allowed() {
    return dimension_names() + ", or a crossing of 2 to " + std::to_string(max_crossed_dimensions) +
           " of them joined by \"" + std::string(1, crossing_separator) + "\" (e.g. country*gender) with at most " +
           std::to_string(max_crossing_groups) + " groups";
}

std::string dimension_entry_problem(const Scenario& s, const std::vector<std::string>& entries, std::size_t index) {
    const std::string& entry = entries[index];
    const auto parts = crossing_parts(entry);
    if (parts.size() == 1) {
        if (known(entry)) return "";
        std::vector<std::string> names(all_dimensions.begin(), all_dimensions.end());
        const auto hint = closest_match(entry, names);
        return "unknown value \"" + entry + "\"; expected one of " + dimension_names() +
               (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") + ", or a crossing such as country*gender";
    }
    const std::string crossing = "crossing \"" + entry + "\"";
    if (int(parts.size()) > max_crossed_dimensions)
        return crossing + " has " + std::to_string(parts.size()) + " dimensions; at most " +
               std::to_string(max_crossed_dimensions) + " can be crossed";
    long long groups = 1;
    std::string product;
    for (std::size_t p = 0; p < parts.size(); ++p) {
        if (!known(parts[p]))
            return "unknown dimension \"" + parts[p] + "\" in " + crossing + "; expected one of " + dimension_names();
        for (std::size_t q = 0; q < p; ++q)
            if (parts[q] == parts[p]) return crossing + " crosses \"" + parts[p] + "\" with itself";
        const auto n = dimension_values(s, parts[p]).size();
        groups *= static_cast<long long>(n);
        product += (product.empty() ? "" : " x ") + std::to_string(n);
    }
    if (groups > max_crossing_groups)
        return crossing + " has " + std::to_string(groups) + " groups (" + product + "); the limit is " +
               std::to_string(max_crossing_groups) + " groups per crossing";
    for (std::size_t e = 0; e < index; ++e)
        if (sorted(crossing_parts(entries[e])) == sorted(parts))
            return crossing + " repeats \"" + entries[e] + "\" (entry " + std::to_string(e) + ")";
    return "";
}

}  // namespace supplysim
