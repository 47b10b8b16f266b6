#pragma once
// Helpers shared by the engine tests: paths to test data and a scenario built from inline YAML.
#include <string>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/scenario_loader.hpp"

namespace supplysim::test {

inline std::string source_path(const std::string& relative) { return std::string(SUPPLYSIM_SOURCE_DIR) + "/" + relative; }

inline Scenario small_scenario() { return load_scenario(source_path("tests/data/small.yaml")); }

// The small world with `overlay_yaml` deep-merged over it (as `extends:` would).
inline Scenario small_with(const std::string& overlay_yaml) {
    ConfigNode tree = load_config(source_path("tests/data/small.yaml"));
    deep_merge(tree, parse_config_text(overlay_yaml, "overlay.yaml"));
    return resolve_scenario(tree, "overlay.yaml");
}

}  // namespace supplysim::test
