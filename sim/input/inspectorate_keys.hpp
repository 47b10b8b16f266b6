#pragma once
// The inspectorate keys that a scenario sets (countries[].inspectorate) and that the inspection lever
// moves towards targets: written once here, for both readers.
#include <string>
#include <utility>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/institutions.hpp"

namespace supplysim {

// A number of the inspectorate: its key, the field it sets, its range and meaning (without a final
// full stop: the lever's reader words it as a target).
struct InspectorateNumber {
    const char* key;
    double Inspectorate::*field;
    double min, max;
    const char* meaning;
};

// Staffing and visit practice: keys of the inspectorate map.
const std::vector<InspectorateNumber>& inspectorate_numbers();
// Keys of its `reach` map (besides `tiers`).
const std::vector<InspectorateNumber>& inspectorate_reach();

// The targeting strategies by their names in scenarios.
const std::vector<std::pair<std::string, Targeting>>& targeting_names();

// The `tiers` list of a `reach` map: one number in [0, 1] per tier, or empty when absent.
std::vector<double> read_tier_reach(FieldReader& reach, std::size_t tiers, const std::string& meaning);

}  // namespace supplysim
