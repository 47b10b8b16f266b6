#pragma once
// The intervention types a scenario can name, each with the reader of its own keys (one file per lever
// under sim/input/levers/), and the reader of the `interventions:` and `assessments:` lists.
#include <string>
#include <vector>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/scenario.hpp"

namespace supplysim {

// Reads the lever's own keys from its entry into its parameter struct (the common keys are already
// read into `self`, and the reader may narrow `self.where` with lever-specific defaults, e.g. Better
// Work's tier 1, or set `self.when.lag_months`).
using LeverReader = Lever (*)(FieldReader& entry, const Scenario& scenario, Intervention& self);

struct LeverType {
    std::string type;
    std::string summary;
    LeverReader read;
};

// All intervention types, in documentation order.
const std::vector<LeverType>& lever_types();

// Reads `interventions:` (a list) into scenario.interventions, sorted into canonical order. Needs the
// scenario's countries, sectors, tiers, buyers and parameters read already.
void read_interventions(FieldReader& root, const ConfigNode& tree, Scenario& scenario);
// Reads `assessments:` (a list of {name, date}) into scenario.assessments.
void read_assessments(FieldReader& root, Scenario& scenario);

}  // namespace supplysim
