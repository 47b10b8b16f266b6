#include "supplysim/input/calibration_file.hpp"

#include <cmath>
#include <filesystem>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/field_reader.hpp"
#include "supplysim/input/file_check.hpp"
#include "supplysim/input/input_file.hpp"
#include "supplysim/input/sweep_file.hpp"

namespace supplysim::calibration {

namespace {

constexpr double pi = 3.14159265358979323846;

Prior read_prior(FieldReader& r) {
    Prior p;
    const auto kind = r.choice("prior", "uniform", {"uniform", "normal", "lognormal"},
                               "uniform (between min and max), normal (mean, sd) or lognormal (mean and sd of log value); "
                               "normal and lognormal priors may be truncated with min and max.");
    p.kind = kind == "normal" ? PriorKind::normal : kind == "lognormal" ? PriorKind::lognormal : PriorKind::uniform;
    if (p.kind == PriorKind::uniform) {
        p.min = r.required_number("min", -1e9, 1e9, "Lower end of the prior range.");
        p.max = r.required_number("max", -1e9, 1e9, "Upper end of the prior range.");
    } else {
        p.mean = r.required_number("mean", -1e9, 1e9, p.kind == PriorKind::normal ? "Prior mean." : "Mean of log(value).");
        p.sd = r.required_number("sd", 1e-12, 1e9, p.kind == PriorKind::normal ? "Prior standard deviation." : "Sd of log(value).");
        if (r.has("min")) p.min = r.number("min", 0, -1e9, 1e9, "Truncate the prior below this value.");
        if (r.has("max")) p.max = r.number("max", 0, -1e9, 1e9, "Truncate the prior above this value.");
    }
    if (!(p.upper() > p.lower())) r.fail("max", "must be greater than min");
    if (p.kind == PriorKind::lognormal && p.upper() <= 0) r.fail("max", "a lognormal prior needs positive values");
    return p;
}

}  // namespace

double Prior::lower() const { return kind == PriorKind::lognormal ? std::max(min, 0.0) : min; }
double Prior::upper() const { return max; }

double Prior::density(double x) const {
    if (!inside(x)) return 0;
    switch (kind) {
        case PriorKind::uniform: return 1.0 / (max - min);
        case PriorKind::normal: {
            const double z = (x - mean) / sd;
            return std::exp(-0.5 * z * z) / (sd * std::sqrt(2 * pi));
        }
        case PriorKind::lognormal: {
            if (x <= 0) return 0;
            const double z = (std::log(x) - mean) / sd;
            return std::exp(-0.5 * z * z) / (x * sd * std::sqrt(2 * pi));
        }
    }
    return 0;
}

double Prior::box_lower() const {
    switch (kind) {
        case PriorKind::uniform: return min;
        case PriorKind::normal: return std::max(lower(), mean - 4 * sd);
        case PriorKind::lognormal: return std::max(lower(), std::exp(mean - 4 * sd));
    }
    return min;
}

double Prior::box_upper() const {
    switch (kind) {
        case PriorKind::uniform: return max;
        case PriorKind::normal: return std::min(upper(), mean + 4 * sd);
        case PriorKind::lognormal: return std::min(upper(), std::exp(mean + 4 * sd));
    }
    return max;
}

const char* method_name(MethodKind m) {
    switch (m) {
        case MethodKind::abc_rejection: return "abc_rejection";
        case MethodKind::abc_smc: return "abc_smc";
        case MethodKind::msm: return "msm";
    }
    return "?";
}

CalibrationSpec parse_calibration_file(const std::string& path) {
    CalibrationSpec s;
    s.file = path;
    s.text = read_config_text(path);
    const ConfigNode tree = parse_config_text(s.text, path);
    if (tree.kind != ConfigNode::Kind::map) throw InputError(tree.mark, "", "a calibration file must be a map of keys");
    FieldReader root(tree, "", "", nullptr);
    s.name = root.text("name", std::filesystem::path(path).stem().string(), "Name of the calibration (default: the file name).");
    s.base_ref = root.required_text("base", "Base scenario file, relative to the calibration file's folder.");
    s.base_file = (std::filesystem::path(path).parent_path() / s.base_ref).lexically_normal().string();
    std::string problem = file_problem(s.base_file);
    if (problem.empty()) problem = regular_file_problem(s.base_file);
    if (!problem.empty())
        root.fail("base", "base scenario \"" + s.base_file + "\" " + problem);
    s.seed = std::uint64_t(root.integer("seed", 1, 0, 9007199254740991LL, "Seed of the parameter draws."));
    s.replicates = int(root.integer("replicates", 0, 0, 100000, "Replicates per candidate (default: the base scenario's)."));

    if (root.has("settings")) {
        root.map("settings", "Scenario keys (dotted paths) set for the calibration runs only, e.g. a shorter horizon.");
        const ConfigNode& settings = *tree.find("settings");
        if (settings.kind != ConfigNode::Kind::map)
            throw InputError(settings.mark, "settings", "expected a map from scenario key paths to values");
        for (const auto& [key, value] : settings.entries) {
            if (value.kind != ConfigNode::Kind::scalar)
                throw InputError(value.mark, "settings." + key, "expected a single value (use a dotted key path for nested keys)");
            s.settings.emplace_back(key, value.scalar);
            s.setting_marks.push_back(value.mark);
        }
    }

    for (auto& r : root.list("parameters", 1, "Scenario keys to estimate, with their priors.")) {
        FreeParameter p;
        p.path = r.required_text("path", "Scenario key path, e.g. parameters.compliance.base_logit.");
        p.mark = r.mark_of("path");
        p.prior = read_prior(r);
        r.reject_unknown_keys();
        for (const auto& q : s.parameters)
            if (q.path == p.path) throw InputError(p.mark, "parameters.path", "the key \"" + p.path + "\" is estimated twice");
        s.parameters.push_back(p);
    }

    for (auto& r : root.list("targets", 1, "Published moments to match.")) {
        Target t;
        t.mark = r.mark();
        t.indicator = r.required_text("indicator", "Indicator name (`supplysim indicators`).");
        t.name = r.text("name", t.indicator, "Short name of the target.");
        const std::string group = r.text("group", "all", "Group: all, or dimension=value (e.g. country=viet_nam).");
        if (group != "all") {
            const auto eq = group.find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == group.size())
                r.fail("group", "expected `all` or dimension=value, got \"" + group + "\"");
            t.dimension = group.substr(0, eq);
            t.value = group.substr(eq + 1);
        }
        if (r.has("month") == (r.has("from") || r.has("to")))
            r.fail(r.has("month") ? "month" : "indicator", "give either `month:` or a window `from:` .. `to:`");
        if (r.has("month")) {
            t.from = t.to = r.month("month", {}, "The month the figure refers to (YYYY-MM).");
        } else {
            t.from = r.month("from", {}, "First month of the window (YYYY-MM).");
            t.to = r.month("to", {}, "Last month of the window (YYYY-MM).");
            if (t.to.index() < t.from.index()) r.fail("to", "the window ends before it starts");
        }
        t.observed = r.required_number("value", -1e12, 1e12, "The published figure, in the indicator's units.");
        t.se = r.required_number("se", 1e-12, 1e12, "Its standard error or uncertainty (distances are in units of it).");
        t.weight = r.number("weight", 1, 0, 1e6, "Weight in the distance.");
        t.source = r.required_text("source", "Where the figure comes from.");
        t.note = r.text("note", "", "How the model's indicator relates to the published figure.");
        r.reject_unknown_keys();
        s.targets.push_back(t);
    }

    auto m = root.map("method", "Estimation method and its settings.");
    const auto kind = m.choice("kind", "abc_smc", {"abc_rejection", "abc_smc", "msm"},
                               "abc_rejection, abc_smc (rejection, then sequential Monte Carlo) or msm (simulated moments).");
    s.method.kind = kind == "abc_rejection" ? MethodKind::abc_rejection : kind == "msm" ? MethodKind::msm : MethodKind::abc_smc;
    s.method.prior_draws = int(m.integer("prior_draws", 200, 2, 10000000, "ABC: draws from the prior; MSM: points per round."));
    s.method.particles = int(m.integer("particles", 40, 2, 1000000, "ABC: particles per generation."));
    s.method.generations = int(m.integer("generations", 3, 0, 1000, "ABC-SMC: generations after rejection; MSM: refinement rounds."));
    s.method.alpha = m.number("alpha", 0.5, 0.05, 0.95, "ABC-SMC: next tolerance is this quantile of the last distances.");
    s.method.max_simulations = int(m.integer("max_simulations", 0, 0, 100000000, "ABC-SMC: simulations per generation before relaxing (0: 10 x particles)."));
    s.method.shrink = m.number("shrink", 0.5, 0.05, 0.95, "MSM: box shrink factor per round.");
    m.reject_unknown_keys();
    if (s.method.kind != MethodKind::msm && s.method.particles > s.method.prior_draws)
        m.fail("particles", "cannot keep more particles than there are prior draws");
    if (s.method.max_simulations == 0) s.method.max_simulations = 10 * s.method.particles;
    root.reject_unknown_keys();
    return s;
}

}  // namespace supplysim::calibration
