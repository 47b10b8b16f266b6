#pragma once
// Scenario files in, resolved Scenario out: `extends:` merged, every key checked against its type and
// range, defaults filled in, references between sections (countries, sectors, tiers) checked.
#include <string>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/scenario.hpp"

namespace supplysim {

// Loads and validates a scenario file. Throws InputError.
Scenario load_scenario(const std::string& path);

// Resolves an already merged tree (used by sweeps, which set keys in the tree before resolving).
// When `recorder` is given, every key read is described there (the scenario reference).
Scenario resolve_scenario(const ConfigNode& tree, const std::string& source, SchemaRecorder* recorder = nullptr);

}  // namespace supplysim
