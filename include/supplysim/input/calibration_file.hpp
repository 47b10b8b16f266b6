#pragma once
// Calibration files (docs/calibration.md): a base scenario, the scenario keys to estimate with their
// priors, the published moments to match (with their uncertainty and source) and the method. Parsing
// checks every key with FieldReader, so errors carry file:line:column like scenario and sweep files.
#include <cstdint>
#include <string>
#include <vector>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/input_error.hpp"
#include "supplysim/model/calendar.hpp"

namespace supplysim::calibration {

enum class PriorKind { uniform, normal, lognormal };

// A prior over one scenario key. Normal and lognormal priors may be truncated to [min, max]; the
// support used for sampling and for weights is always [lower(), upper()].
struct Prior {
    PriorKind kind = PriorKind::uniform;
    double min = -1e300, max = 1e300;  // uniform: the range; others: optional truncation
    double mean = 0, sd = 1;           // normal: mean, sd; lognormal: mean and sd of log(value)
    double lower() const;
    double upper() const;
    bool inside(double x) const { return x >= lower() && x <= upper(); }
    // Density up to a constant (the truncation constant cancels in normalised weights).
    double density(double x) const;
    // A finite box holding (nearly) all the prior mass, for designs: the range, or mean +- 4 sd clipped.
    double box_lower() const;
    double box_upper() const;
};

struct FreeParameter {
    std::string path;  // scenario key path, e.g. parameters.compliance.base_logit
    SourceMark mark;
    Prior prior;
};

// One published moment: the mean of an indicator for one group over replicates and the months of a window.
struct Target {
    std::string name;
    std::string indicator;      // e.g. below_minimum_wage
    std::string dimension = "all", value = "all";  // group; "all" or dimension=value
    YearMonth from, to;         // window, both ends included (a single month when from == to)
    double observed = 0;        // the published figure
    double se = 0;              // its standard error / uncertainty (> 0)
    double weight = 1;          // weight in the distance
    std::string source;         // where the figure comes from
    std::string note;           // how the model's indicator relates to the published figure
    SourceMark mark;
};

enum class MethodKind { abc_rejection, abc_smc, msm };
const char* method_name(MethodKind m);

struct Method {
    MethodKind kind = MethodKind::abc_smc;
    int prior_draws = 200;      // ABC: simulations from the prior (generation 0); MSM: points per round
    int particles = 40;         // ABC: particles kept per generation (the best of the prior draws first)
    int generations = 3;        // ABC-SMC: generations after the rejection step; MSM: refinement rounds
    double alpha = 0.5;         // ABC-SMC: next tolerance = this quantile of the last generation's distances
    int max_simulations = 0;    // ABC-SMC: per generation before the tolerance is relaxed (0: 10 x particles)
    double shrink = 0.5;        // MSM: each round's box is this fraction of the last one, centred on the best point
};

struct CalibrationSpec {
    std::string file, text, name;
    std::string base_file;      // resolved against the calibration file's folder
    std::string base_ref;       // as written in the file
    std::uint64_t seed = 1;     // seed of the parameter draws (the simulations use the base scenario's seed)
    int replicates = 0;         // per candidate (0: the base scenario's)
    // Key path -> value applied to the calibration runs only (e.g. a shorter horizon or a smaller world);
    // the calibrated scenario extends the base without them.
    std::vector<std::pair<std::string, std::string>> settings;
    std::vector<SourceMark> setting_marks;
    std::vector<FreeParameter> parameters;
    std::vector<Target> targets;
    Method method;
};

// Reads and checks a calibration file. Throws InputError.
CalibrationSpec parse_calibration_file(const std::string& path);

}  // namespace supplysim::calibration
