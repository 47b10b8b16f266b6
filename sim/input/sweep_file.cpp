#include "supplysim/input/sweep_file.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/field_reader.hpp"
#include "supplysim/input/file_check.hpp"
#include "supplysim/input/input_file.hpp"
#include "supplysim/input/number_text.hpp"
#include "supplysim/model/calendar.hpp"

namespace supplysim::sweep {

namespace {

// Whole numbers are drawn and written as doubles, exact up to 2^53 - 1 (found by fuzzing: larger
// ends overflowed the conversion to a whole number).
constexpr double max_exact_integer = 9007199254740991.0;

// Reads a parameter's `min`/`max` as a number or a YYYY-MM month (as a month index).
double bound(FieldReader& r, const std::string& key, ValueKind kind) {
    const std::string text = r.text(key, "", kind == ValueKind::month ? "Lower or upper end of the range (YYYY-MM)."
                                                                      : "Lower or upper end of the range.");
    if (kind == ValueKind::month) {
        const auto m = parse_year_month(text);
        if (!m) r.fail(key, "expected a month YYYY-MM like the other end of the range, got \"" + text + "\"");
        return double(m->index());
    }
    const auto v = parse_number(text);
    if (!v) r.fail(key, "expected a number (or a month YYYY-MM), got \"" + text + "\"");
    if (kind == ValueKind::integer && std::abs(*v) > max_exact_integer)
        r.fail(key, "out of range for a whole number (integer: true): expected at most 9007199254740991 in size, got " + text);
    return *v;
}

ParameterSpec read_parameter(FieldReader& r, DesignKind design) {
    ParameterSpec p;
    p.path = r.required_text("path", "Scenario key path to vary, e.g. countries.bangladesh.inspectorate.sanction_months "
                                     "(lists of named entries are indexed by name, other lists by position).");
    p.mark = r.mark_of("path");
    // The path names the dataset /runs/parameters/<path>; HDF5 would read a "/" as a subgroup.
    if (p.path.find('/') != std::string::npos)
        r.fail("path", "\"" + p.path + "\" contains \"/\", which output files cannot store in a parameter's name");
    const bool integer = r.boolean("integer", false, "Round sampled values to whole numbers (for integer keys).");
    if (r.has("values")) {
        p.values = r.strings("values", {}, {}, "The values to use (numbers, months YYYY-MM or words).");
        if (p.values.empty()) r.fail("values", "expected at least one value");
        const bool numbers = std::all_of(p.values.begin(), p.values.end(), [](auto& v) { return parse_number(v).has_value(); });
        const bool months = std::all_of(p.values.begin(), p.values.end(), [](auto& v) { return parse_year_month(v).has_value(); });
        p.kind = numbers ? (integer ? ValueKind::integer : ValueKind::number) : months ? ValueKind::month : ValueKind::choice;
        if (r.has("min") || r.has("max")) r.fail("values", "give either `values` or `min` and `max`, not both");
        if (integer && p.kind == ValueKind::integer)
            for (const auto& v : p.values)
                if (const double x = *parse_number(v); std::round(x) != x || std::abs(x) > max_exact_integer)
                    r.fail("values", "\"" + v + "\" is not a whole number of at most 9007199254740991 in size (integer: true)");
        for (std::size_t i = 0; i < p.values.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (p.values[i] == p.values[j]) r.fail("values", "value \"" + p.values[i] + "\" is listed twice");
    } else {
        if (!r.has("min") || !r.has("max")) r.fail("path", "give the parameter either `values: [...]` or `min:` and `max:`");
        const bool months = parse_year_month(r.text("min", "", "Lower end of the range (number or YYYY-MM).")).has_value();
        p.kind = months ? ValueKind::month : integer ? ValueKind::integer : ValueKind::number;
        p.min = bound(r, "min", p.kind);
        p.max = bound(r, "max", p.kind);
        if (!(p.max > p.min)) r.fail("max", "must be greater than min");
    }
    p.steps = int(r.integer("steps", 0, 0, 100000, "Grid points over a min..max range, ends included (grid designs)."));
    if (design == DesignKind::grid && p.is_range() && p.steps < 2)
        r.fail(r.has("steps") ? "steps" : "max", "a range in a grid design needs `steps:` (at least 2 points, ends included)");
    if (design != DesignKind::grid && r.has("steps")) r.fail("steps", "`steps` only applies to grid designs");
    if (design == DesignKind::sobol && !p.is_range() && p.kind != ValueKind::choice && p.values.size() < 2)
        r.fail("values", "a Sobol design needs at least two values to vary");
    r.reject_unknown_keys();
    return p;
}

}  // namespace

const char* design_name(DesignKind d) {
    switch (d) {
        case DesignKind::grid: return "grid";
        case DesignKind::lhs: return "lhs";
        case DesignKind::sobol: return "sobol";
    }
    return "?";
}

SweepSpec parse_sweep_file(const std::string& path) {
    SweepSpec s;
    s.file = path;
    s.text = read_config_text(path);
    const ConfigNode tree = parse_config_text(s.text, path);
    if (tree.kind != ConfigNode::Kind::map) throw InputError(tree.mark, "", "a sweep file must be a map of keys");
    FieldReader root(tree, "", "", nullptr);
    s.name = root.text("name", std::filesystem::path(path).stem().string(), "Name of the sweep (default: the file name).");
    const std::string base = root.required_text("base", "Base scenario file, relative to the sweep file's folder.");
    s.base_file = (std::filesystem::path(path).parent_path() / base).lexically_normal().string();
    std::string problem = file_problem(s.base_file);
    if (problem.empty()) problem = regular_file_problem(s.base_file);
    if (!problem.empty())
        root.fail("base", "base scenario \"" + s.base_file + "\" " + problem);
    const auto design = root.choice("design", "grid", {"grid", "lhs", "sobol"},
                                    "grid (every combination), lhs (Latin hypercube) or sobol (Saltelli sample).");
    s.design = design == "lhs" ? DesignKind::lhs : design == "sobol" ? DesignKind::sobol : DesignKind::grid;
    s.samples = int(root.integer("samples", 0, 0, 10000000, "lhs: number of runs; sobol: base samples N (runs = N*(k+2))."));
    if (s.design != DesignKind::grid && s.samples < 2) root.fail(root.has("samples") ? "samples" : "design", "an lhs or sobol design needs `samples:` (at least 2)");
    if (s.design == DesignKind::grid && root.has("samples")) root.fail("samples", "`samples` does not apply to a grid design");
    s.seed = std::uint64_t(root.integer("seed", 1, 0, 9007199254740991LL, "Seed of the design (lhs); the simulation seed is the base scenario's."));
    s.replicates = int(root.integer("replicates", 0, 0, 100000, "Replicates per run (default: the base scenario's)."));
    for (auto& r : root.list("parameters", 1, "Scenario keys to vary.")) s.parameters.push_back(read_parameter(r, s.design));
    root.reject_unknown_keys();
    for (std::size_t i = 0; i < s.parameters.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (s.parameters[i].path == s.parameters[j].path)
                throw InputError(s.parameters[i].mark, "parameters[" + std::to_string(i) + "].path", "the key \"" + s.parameters[i].path + "\" is varied twice");
    return s;
}

}  // namespace supplysim::sweep
