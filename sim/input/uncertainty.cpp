#include "supplysim/input/uncertainty.hpp"

#include <cmath>
#include <filesystem>
#include <limits>
#include <vector>

#include "supplysim/input/number_text.hpp"

namespace supplysim {

namespace {

constexpr double huge = 1e300;

const char* block_meaning =
    "A parameter ensemble: each draw sets the calibrated parameters from a calibration posterior and the keys in "
    "`ranges` from their distributions; replicates = draws x replicates_per_draw (docs/uncertainty.md).";

// `[low, high]`: a uniform range.
RangeSpec read_pair(const ConfigNode& node, const RangeSpec& base) {
    RangeSpec r = base;
    if (node.items.size() != 2)
        throw InputError(node.mark, r.field, "expected [low, high] (two numbers), got a list of " + std::to_string(node.items.size()));
    double ends[2];
    for (int i = 0; i < 2; ++i) {
        const auto& item = node.items[std::size_t(i)];
        const auto v = item.kind == ConfigNode::Kind::scalar ? parse_number(item.scalar) : std::nullopt;
        if (!v) throw InputError(item.mark, r.field, std::string("expected a number for the ") + (i ? "high" : "low") + " end of the range");
        ends[i] = *v;
    }
    r.low = ends[0], r.high = ends[1];
    if (r.low > r.high)
        throw InputError(node.mark, r.field, "low " + number_text(r.low) + " is greater than high " + number_text(r.high));
    return r;
}

struct RangeKey {
    std::string key, type, meaning;
};
// The keys of a range written as a map; documented here once (the reader below uses no recorder).
const std::vector<RangeKey> range_keys = {
    {"distribution", "choice", "uniform (low, high), normal (mean, sd), lognormal (mean and sd of log value) or triangular "
                               "(low, mode, high); normal and lognormal may be truncated with low and high."},
    {"low", "number", "Lower end of the range (a truncation for normal and lognormal)."},
    {"high", "number", "Upper end of the range (a truncation for normal and lognormal)."},
    {"mode", "number", "triangular: the most likely value, from low to high."},
    {"mean", "number", "normal: mean; lognormal: mean of log(value)."},
    {"sd", "number", "normal: standard deviation; lognormal: sd of log(value)."},
    {"integer", "boolean", "Round each drawn value to a whole number (keys such as lag_months)."},
};
// `{distribution: ..., ...}`.
RangeSpec read_distribution(const ConfigNode& node, const RangeSpec& base) {
    RangeSpec r = base;
    FieldReader f(node, r.field, "", nullptr);
    const auto kind = f.choice("distribution", "uniform", {"uniform", "normal", "lognormal", "triangular"}, "");
    r.distribution = kind == "normal" ? Distribution::normal : kind == "lognormal" ? Distribution::lognormal
                   : kind == "triangular" ? Distribution::triangular : Distribution::uniform;
    const bool bounded = r.distribution == Distribution::uniform || r.distribution == Distribution::triangular;
    if (bounded) {
        r.low = f.required_number("low", -huge, huge, "");
        r.high = f.required_number("high", -huge, huge, "");
    } else {
        r.low = f.number("low", -huge, -huge, huge, "");
        r.high = f.number("high", huge, -huge, huge, "");
        r.mean = f.required_number("mean", -1e9, 1e9, "");
        r.sd = f.required_number("sd", 0, 1e9, "");
    }
    if (r.distribution == Distribution::triangular) r.mode = f.required_number("mode", -huge, huge, "");
    r.integer = f.boolean("integer", false, "");
    f.reject_unknown_keys();
    if (r.low > r.high)
        f.fail(f.has("high") ? "high" : "low", "low " + number_text(r.low) + " is greater than high " + number_text(r.high));
    if (r.distribution == Distribution::triangular && (r.mode < r.low || r.mode > r.high))
        f.fail("mode", "expected a mode from low " + number_text(r.low) + " to high " + number_text(r.high) + ", got " + number_text(r.mode));
    if (r.distribution == Distribution::lognormal && r.high <= 0) f.fail("high", "a lognormal range needs positive values");
    return r;
}

const char* posterior_meaning = "A `supplysim calibrate` output (.h5), relative to this file: each draw takes one particle of "
                                "its posterior (the last generation), chosen by weight.";
const char* draws_meaning = "Parameter draws (\"plausible worlds\"), at least 1; `run --draws` overrides it.";
const char* per_draw_meaning = "Replicates per draw (at least 2 to split parameter from stochastic variance).";
const char* ranges_meaning = "Scenario keys to draw, by key path as in sweeps (interventions by position, e.g. "
                             "interventions.0.law_gain): `{path: [low, high]}` (uniform) or `{path: {distribution: ..., ...}}`.";

std::string bound_text(double x) { return std::abs(x) >= huge ? "" : number_text(x); }

}  // namespace

const char* distribution_name(Distribution d) {
    switch (d) {
        case Distribution::uniform: return "uniform";
        case Distribution::normal: return "normal";
        case Distribution::lognormal: return "lognormal";
        case Distribution::triangular: return "triangular";
    }
    return "?";
}

std::string RangeSpec::yaml() const {
    std::string out = std::string("{distribution: ") + distribution_name(distribution);
    const auto add = [&](const char* key, const std::string& v) { if (!v.empty()) out += std::string(", ") + key + ": " + v; };
    if (distribution == Distribution::normal || distribution == Distribution::lognormal) {
        add("mean", number_text(mean));
        add("sd", number_text(sd));
    }
    add("low", bound_text(low));
    if (distribution == Distribution::triangular) add("mode", number_text(mode));
    add("high", bound_text(high));
    if (integer) add("integer", "true");
    return out + "}";
}

std::string UncertaintySpec::yaml() const {
    std::string out;
    if (!posterior_file.empty()) out += "posterior: " + posterior_as_written + "\n";
    out += "draws: " + std::to_string(draws) + "\nreplicates_per_draw: " + std::to_string(replicates_per_draw) + "\n";
    if (!ranges.empty()) {
        out += "ranges:\n";
        for (const auto& r : ranges) out += "  " + r.path + ": " + r.yaml() + "\n";
    }
    return out;
}

std::optional<UncertaintySpec> read_uncertainty(const ConfigNode& tree, FieldReader* root, SchemaRecorder* recorder) {
    const ConfigNode* block = tree.find("uncertainty");
    if (!block) {
        // Documented all the same, but not read: a scenario without the block resolves as before.
        if (recorder) {
            recorder->add({"uncertainty", "map", "", "", block_meaning});
            recorder->add({"uncertainty.posterior", "text", "", "", posterior_meaning});
            recorder->add({"uncertainty.draws", "integer", "", "1 to 1000000", draws_meaning});
            recorder->add({"uncertainty.replicates_per_draw", "integer", "2", "1 to 10000", per_draw_meaning});
            recorder->add({"uncertainty.ranges", "map", "", "", ranges_meaning});
            for (const auto& k : range_keys) recorder->add({"uncertainty.ranges.<key path>." + k.key, k.type, k.key == "distribution" ? "uniform" : k.key == "integer" ? "false" : "", "", k.meaning});
        }
        return std::nullopt;
    }
    FieldReader u = root ? root->map("uncertainty", block_meaning) : FieldReader(*block, "uncertainty", "uncertainty", recorder);
    UncertaintySpec s;
    const std::string posterior = u.text("posterior", "", posterior_meaning);
    if (!posterior.empty()) {
        s.posterior_as_written = posterior;
        s.posterior_mark = u.mark_of("posterior");
        s.posterior_field = u.field("posterior");
        s.posterior_file = (std::filesystem::path(s.posterior_mark.file).parent_path() / posterior).lexically_normal().string();
    }
    if (!u.has("draws")) u.fail("draws", "missing required key; expected the number of parameter draws (at least 1)");
    s.draws_mark = u.mark_of("draws");
    s.draws_field = u.field("draws");
    s.draws = int(u.integer("draws", 0, 1, 1000000, draws_meaning));
    s.replicates_per_draw = int(u.integer("replicates_per_draw", s.replicates_per_draw, 1, 10000, per_draw_meaning));
    u.map("ranges", ranges_meaning);
    if (const ConfigNode* ranges = block->find("ranges"); ranges && ranges->kind == ConfigNode::Kind::map) {
        for (const auto& [path, node] : ranges->entries) {
            RangeSpec base;
            base.path = path;
            base.field = u.field("ranges") + "." + path;
            base.mark = node.key_mark;
            if (node.kind == ConfigNode::Kind::sequence) s.ranges.push_back(read_pair(node, base));
            else if (node.kind == ConfigNode::Kind::map) s.ranges.push_back(read_distribution(node, base));
            else throw InputError(node.mark, base.field, "expected [low, high] or a map with `distribution:`");
        }
    }
    if (s.posterior_file.empty() && s.ranges.empty())
        u.fail("draws", "an ensemble needs `posterior:` or `ranges:` (or both) to draw from");
    u.reject_unknown_keys();
    return s;
}

void refuse_uncertainty(const ConfigNode& tree, const std::string& command) {
    if (const ConfigNode* block = tree.find("uncertainty"))
        throw InputError(block->key_mark, "uncertainty",
                         "`supplysim " + command + "` runs the base scenario's own parameter values; parameter ensembles are "
                         "for `supplysim run` (use a base scenario without this block)");
}

UncertaintySpec load_uncertainty_file(const std::string& path) {
    const ConfigNode tree = load_config(path);
    if (tree.kind != ConfigNode::Kind::map || !tree.find("uncertainty"))
        throw InputError(tree.mark, "uncertainty", "expected a file with an `uncertainty:` map (as in a scenario)");
    FieldReader root(tree, "", "", nullptr);
    auto spec = read_uncertainty(tree, &root, nullptr);
    root.reject_unknown_keys();
    return *spec;
}

}  // namespace supplysim
