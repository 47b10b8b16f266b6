#pragma once
// The `uncertainty:` block of a scenario (or of a `run --uncertainty FILE`): which parameters a
// parameter ensemble draws, from a calibration posterior and from ranges on other scenario keys, and
// how many draws and replicates per draw. The draws themselves are made by runs/parameter_ensemble.hpp.
#include <optional>
#include <string>
#include <vector>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/field_reader.hpp"
#include "supplysim/input/input_error.hpp"

namespace supplysim {

enum class Distribution { uniform, normal, lognormal, triangular };
const char* distribution_name(Distribution d);

// One scenario key drawn from a distribution.
struct RangeSpec {
    std::string path;   // scenario key path, e.g. interventions.0.law_gain
    std::string field;  // where it is written, e.g. uncertainty.ranges.interventions.0.law_gain
    SourceMark mark;    // of the key in the file
    Distribution distribution = Distribution::uniform;
    double low = 0, high = 0;  // uniform, triangular: the support; normal, lognormal: optional truncation
    double mode = 0;           // triangular
    double mean = 0, sd = 0;   // normal; lognormal: of log(value)
    bool integer = false;      // round the drawn value (keys that take whole numbers)
    // The resolved settings as a YAML flow map, e.g. {distribution: uniform, low: 0.2, high: 0.6}.
    std::string yaml() const;
};

struct UncertaintySpec {
    std::string posterior_file;  // resolved against the folder of the file that names it; empty: none
    std::string posterior_as_written;
    std::string posterior_field;
    SourceMark posterior_mark;
    int draws = 0;
    SourceMark draws_mark;
    std::string draws_field = "uncertainty.draws";
    int replicates_per_draw = 2;
    std::vector<RangeSpec> ranges;
    // The resolved block as YAML text (the root attribute `uncertainty` of result files).
    std::string yaml() const;
};

// Reads the `uncertainty:` map of a scenario tree; nothing when the scenario has none. With `root`, the
// keys are also marked as read there and documented (the scenario reference).
std::optional<UncertaintySpec> read_uncertainty(const ConfigNode& tree, FieldReader* root = nullptr,
                                                SchemaRecorder* recorder = nullptr);

// Sweeps and calibrations run each point with the base scenario's own values: they refuse a base
// scenario with an `uncertainty:` block rather than ignore it. Throws InputError at the block.
void refuse_uncertainty(const ConfigNode& tree, const std::string& command);

// Reads a file holding only an `uncertainty:` map (`run --uncertainty FILE`). Throws InputError.
UncertaintySpec load_uncertainty_file(const std::string& path);

}  // namespace supplysim
