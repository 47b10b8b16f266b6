#pragma once
// Editing a configuration tree at a dotted key path, as sweeps, calibrations and calibrated scenarios
// set scenario keys: map keys by name, lists of named maps by the entry's name, other lists by index.
#include <string>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/input_error.hpp"

namespace supplysim {

// Sets the value at `path` (e.g. countries.bangladesh.inspectorate.sanction_months). Missing maps are
// created (the scenario schema then decides whether the key exists). Throws InputError at `mark`.
void set_key_path(ConfigNode& tree, const std::string& path, const std::string& value, const SourceMark& mark);

}  // namespace supplysim
