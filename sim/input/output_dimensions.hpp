#pragma once
// Checking the entries of `outputs.dimensions`: plain dimensions and crossings ("country*gender").
#include <string>
#include <vector>

#include "supplysim/model/scenario.hpp"

namespace supplysim {

// What is wrong with entries[index], given the entries before it, or "" when it is a known dimension
// or a valid crossing (known, distinct dimensions, at most max_crossed_dimensions of them, at most
// max_crossing_groups groups, not listed before in any order).
std::string dimension_entry_problem(const Scenario& scenario, const std::vector<std::string>& entries,
                                    std::size_t index);

// What `outputs.dimensions` accepts, for the scenario reference.
std::string dimension_entries_allowed();

}  // namespace supplysim
