#pragma once
// Helpers for the levers' readers (sim/input/levers/<lever>.cpp).
#include <optional>
#include <string>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/input/levers/registry.hpp"
#include "supplysim/model/scenario.hpp"

namespace supplysim::lever {

// Indices of the names listed under `key` (all names allowed), empty when absent.
std::vector<int> indices(FieldReader& r, const std::string& key, const std::vector<std::string>& names,
                         const std::string& meaning);

// A number read only when given, so the resolved scenario does not turn "unchanged" into a value.
inline std::optional<double> optional_number(FieldReader& r, const std::string& key, double min, double max,
                                             const std::string& meaning) {
    if (!r.has(key)) return std::nullopt;
    return r.number(key, 0, min, max, meaning + " (default: unchanged)");
}

}  // namespace supplysim::lever
