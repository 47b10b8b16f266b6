#pragma once
// Parameter ensembles (docs/uncertainty.md): a scenario's `uncertainty:` block turned into one resolved
// scenario per draw. Draw d sets the calibrated keys to one posterior particle (chosen by weight) and
// each key in `ranges` to a value from its distribution; replicate r runs draw r / replicates_per_draw
// with the random streams of replicate r. Draws are keyed by (seed, draw, key path) only, so two scenarios
// with the same seed and the same uncertainty settings get the same values of the keys they share and
// the same random numbers: their effects stay paired draw by draw.
#include <cstdint>
#include <string>
#include <vector>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/uncertainty.hpp"
#include "supplysim/model/scenario.hpp"
#include "supplysim/output/result_file.hpp"

namespace supplysim {

struct ParameterEnsemble {
    EnsembleRecord record;            // what /uncertainty holds
    std::vector<Scenario> scenarios;  // [draws], each resolved from the tree with its draw's values set
    int replicates() const { return int(scenarios.size()) * record.replicates_per_draw; }
    const Scenario& scenario_of_replicate(int r) const { return scenarios[std::size_t(r / record.replicates_per_draw)]; }
};

// Draws the ensemble over the merged scenario tree (`source` names it in errors and outputs). The seed is
// the scenario's. Throws InputError for a posterior that is not a calibration output, a key the scenario
// does not have, or a drawn value the key does not accept.
ParameterEnsemble draw_parameter_ensemble(const ConfigNode& tree, const std::string& source, const UncertaintySpec& spec);

// The value of one range for a uniform number u in (0, 1), by inverse transform, truncated where the
// range says so; rounded for integer keys.
double draw_from_range(const RangeSpec& range, double u);

}  // namespace supplysim
