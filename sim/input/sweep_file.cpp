#include "supplysim/input/sweep_file.hpp"

#include "supplysim/input/number_text.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/input/file_check.hpp"
#include "supplysim/input/scenario_loader.hpp"
#include "supplysim/runs/sweep/design.hpp"
#include "supplysim/version.hpp"

namespace supplysim::sweep {

namespace {

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

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

// Maps a unit-cube coordinate onto a parameter's range or list.
double code_from_unit(const ParameterSpec& p, double u) {
    if (!p.is_range()) {
        auto i = std::size_t(u * double(p.values.size()));
        i = std::min(i, p.values.size() - 1);
        if (p.kind == ValueKind::choice) return double(i);
        if (p.kind == ValueKind::month) return double(parse_year_month(p.values[i])->yyyymm());
        return *parse_number(p.values[i]);
    }
    switch (p.kind) {
        case ValueKind::month: {
            const double span = p.max - p.min + 1;  // months, both ends included
            const int idx = int(p.min) + std::min(int(u * span), int(span) - 1);
            return double(YearMonth::from_index(idx).yyyymm());
        }
        case ValueKind::integer: {
            const double lo = std::ceil(p.min), hi = std::floor(p.max);
            return std::min(hi, lo + std::floor(u * (hi - lo + 1)));
        }
        default: return p.min + u * (p.max - p.min);
    }
}

// Grid levels of one parameter.
std::vector<double> grid_levels(const ParameterSpec& p) {
    std::vector<double> out;
    if (!p.is_range()) {
        for (std::size_t i = 0; i < p.values.size(); ++i)
            out.push_back(p.kind == ValueKind::choice  ? double(i)
                          : p.kind == ValueKind::month ? double(parse_year_month(p.values[i])->yyyymm())
                                                       : *parse_number(p.values[i]));
        return out;
    }
    for (int i = 0; i < p.steps; ++i) {
        const double t = double(i) / double(p.steps - 1);
        double v = i == p.steps - 1 ? p.max : p.min + t * (p.max - p.min);
        if (p.kind == ValueKind::integer) v = std::round(v);
        if (p.kind == ValueKind::month) v = double(YearMonth::from_index(int(std::lround(v))).yyyymm());
        if (out.empty() || out.back() != v) out.push_back(v);
    }
    return out;
}

bool all_named(const ConfigNode& seq) {
    return !seq.items.empty() && std::all_of(seq.items.begin(), seq.items.end(), [](const ConfigNode& n) {
        const auto* name = n.find("name");
        return n.kind == ConfigNode::Kind::map && name && name->kind == ConfigNode::Kind::scalar;
    });
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

std::string fnv1a_hex(const std::string& data) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : data) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

SweepSpec parse_sweep_file(const std::string& path) {
    const ConfigNode tree = parse_config_file(path);
    if (tree.kind != ConfigNode::Kind::map) throw InputError(tree.mark, "", "a sweep file must be a map of keys");
    SweepSpec s;
    s.file = path;
    s.text = read_text_file(path);
    FieldReader root(tree, "", "", nullptr);
    s.name = root.text("name", std::filesystem::path(path).stem().string(), "Name of the sweep (default: the file name).");
    const std::string base = root.required_text("base", "Base scenario file, relative to the sweep file's folder.");
    s.base_file = (std::filesystem::path(path).parent_path() / base).lexically_normal().string();
    if (const std::string problem = file_problem(s.base_file); !problem.empty())
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

std::string SweepPlan::value_text(int run, std::size_t p) const {
    const auto& spec_p = spec.parameters[p];
    const double c = codes[std::size_t(run)][p];
    switch (spec_p.kind) {
        case ValueKind::choice: return spec_p.values[std::size_t(c)];
        case ValueKind::month: return YearMonth{int(c) / 100, int(c) % 100}.str();
        case ValueKind::integer: return std::to_string(static_cast<long long>(c));
        default: return number_text(c);
    }
}

std::vector<double> SweepPlan::column(std::size_t p) const {
    std::vector<double> out;
    for (const auto& row : codes) out.push_back(row[p]);
    return out;
}

void set_key_path(ConfigNode& tree, const std::string& path, const std::string& value, const SourceMark& mark) {
    std::vector<std::string> parts;
    std::stringstream ss(path);
    for (std::string part; std::getline(ss, part, '.');) parts.push_back(part);
    if (parts.empty() || std::any_of(parts.begin(), parts.end(), [](auto& p) { return p.empty(); }))
        throw InputError(mark, path, "not a key path (names separated by single dots)");
    ConfigNode* node = &tree;
    std::string walked;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string& key = parts[i];
        const bool last = i + 1 == parts.size();
        walked += (walked.empty() ? "" : ".") + key;
        if (node->kind == ConfigNode::Kind::null) node->kind = ConfigNode::Kind::map;
        if (node->kind == ConfigNode::Kind::map) {
            ConfigNode* child = node->find(key);
            if (!child) {
                ConfigNode fresh;
                fresh.kind = ConfigNode::Kind::map;  // the scenario schema decides whether the key exists
                fresh.mark = fresh.key_mark = mark;
                node->entries.emplace_back(key, std::move(fresh));
                child = &node->entries.back().second;
            }
            node = child;
        } else if (node->kind == ConfigNode::Kind::sequence) {
            ConfigNode* child = nullptr;
            if (all_named(*node)) {
                std::vector<std::string> names;
                for (auto& item : node->items) {
                    names.push_back(item.find("name")->scalar);
                    if (names.back() == key) child = &item;
                }
                if (!child) {
                    const auto hint = closest_match(key, names);
                    std::string list;
                    for (auto& n : names) list += (list.empty() ? "" : ", ") + n;
                    throw InputError(mark, path, "no entry named \"" + key + "\" in " + walked.substr(0, walked.size() - key.size() - 1) +
                                                     " (it has: " + list + ")" + (hint.empty() ? "" : "; did you mean \"" + hint + "\"?"));
                }
            } else {
                std::size_t idx = 0;
                auto [ptr, ec] = std::from_chars(key.data(), key.data() + key.size(), idx);
                if (ec != std::errc{} || ptr != key.data() + key.size() || idx >= node->items.size())
                    throw InputError(mark, path, "\"" + key + "\" is not a position in this list of " + std::to_string(node->items.size()) +
                                                     " (0 to " + std::to_string(node->items.size()) + " - 1)");
                child = &node->items[idx];
            }
            node = child;
        } else {
            throw InputError(mark, path, "\"" + walked.substr(0, walked.size() - key.size() - (i ? 1 : 0)) + "\" is a single value; it has no key \"" + key + "\"");
        }
        if (last) {
            if (node->kind == ConfigNode::Kind::sequence || (node->kind == ConfigNode::Kind::map && !node->entries.empty()))
                throw InputError(mark, path, "is a " + std::string(node->kind == ConfigNode::Kind::map ? "map" : "list") +
                                                 " in the scenario; a sweep can only vary single values (give a longer path)");
            node->kind = ConfigNode::Kind::scalar;
            node->scalar = value;
            node->mark = mark;
            node->entries.clear();
        }
    }
}

Scenario scenario_for_run(const SweepPlan& plan, int run) {
    ConfigNode tree = plan.base_tree;
    const auto& params = plan.spec.parameters;
    for (std::size_t p = 0; p < params.size(); ++p) set_key_path(tree, params[p].path, plan.value_text(run, p), params[p].mark);
    try {
        return resolve_scenario(tree, plan.spec.file);
    } catch (const InputError& e) {
        // Name the sweep parameter: by the mark of the value it set, or every parameter of the run.
        std::string values;
        const ParameterSpec* culprit = nullptr;
        for (std::size_t p = 0; p < params.size(); ++p) {
            values += (values.empty() ? "" : ", ") + params[p].path + " = " + plan.value_text(run, p);
            if (e.where().file == params[p].mark.file && e.where().line == params[p].mark.line) culprit = &params[p];
        }
        if (culprit) {
            // The error already points at the sweep parameter; say which run and value it concerns.
            const std::string prefix = InputError(e.where(), e.field(), "").what();
            std::string problem = e.what();
            if (problem.rfind(prefix, 0) == 0) problem = problem.substr(prefix.size());
            throw InputError(culprit->mark, culprit->path,
                             "sweep parameter (run " + std::to_string(run) + ": " + values + ") is not valid in the scenario (" +
                                 e.field() + "): " + problem);
        }
        throw InputError(params.front().mark, "sweep parameters",
                         "run " + std::to_string(run) + " (" + values + ") is not a valid scenario: " + e.what());
    }
}

SweepPlan make_plan(const SweepSpec& spec, bool check_every_run) {
    SweepPlan plan;
    plan.spec = spec;
    plan.base_tree = load_config(spec.base_file);
    plan.base = resolve_scenario(plan.base_tree, spec.base_file);
    plan.replicates = spec.replicates > 0 ? spec.replicates : plan.base.replicates;
    const int k = int(spec.parameters.size());
    switch (spec.design) {
        case DesignKind::grid: {
            std::vector<std::vector<double>> levels;
            std::vector<int> sizes;
            double total = 1;
            for (const auto& p : spec.parameters) {
                levels.push_back(grid_levels(p));
                sizes.push_back(int(levels.back().size()));
                total *= double(sizes.back());
            }
            if (total > 10000000) throw InputError(spec.parameters.front().mark, "parameters", "the grid has more than 10,000,000 runs");
            for (const auto& idx : grid_indices(sizes)) {
                std::vector<double> row;
                for (int j = 0; j < k; ++j) row.push_back(levels[std::size_t(j)][std::size_t(idx[std::size_t(j)])]);
                plan.codes.push_back(std::move(row));
            }
            break;
        }
        case DesignKind::lhs:
        case DesignKind::sobol: {
            if (spec.design == DesignKind::sobol && double(spec.samples) * (k + 2) > 10000000)
                throw InputError(spec.parameters.front().mark, "samples", "the Saltelli sample has more than 10,000,000 runs");
            const Matrix unit = spec.design == DesignKind::lhs ? latin_hypercube(spec.samples, k, spec.seed)
                                                               : saltelli_sample(spec.samples, k);
            for (const auto& u : unit) {
                std::vector<double> row;
                for (int j = 0; j < k; ++j) row.push_back(code_from_unit(spec.parameters[std::size_t(j)], u[std::size_t(j)]));
                plan.codes.push_back(std::move(row));
            }
            break;
        }
    }

    std::string canon = "supplysim-sweep 1\nprogram " + std::string(program_version) + "\nbase\n" + to_yaml(plan.base_tree) +
                        "\ndesign " + design_name(spec.design) + "\nreplicates " + std::to_string(plan.replicates) + "\n";
    for (const auto& p : spec.parameters) canon += "parameter " + p.path + " " + std::to_string(int(p.kind)) + "\n";
    for (int r = 0; r < plan.runs(); ++r) {
        for (std::size_t p = 0; p < spec.parameters.size(); ++p) canon += (p ? "\t" : "") + plan.value_text(r, p);
        canon += "\n";
    }
    plan.hash = fnv1a_hex(canon);

    if (check_every_run) {
        // Every run's scenario must resolve and share the base's calendar and groups. Report the
        // lowest failing run so the message does not depend on thread timing.
        std::mutex m;
        int first_bad = plan.runs();
        std::optional<InputError> error;
        tbb::parallel_for(0, plan.runs(), [&](int r) {
            try {
                const Scenario s = scenario_for_run(plan, r);
                auto names = [](const auto& v) { std::vector<std::string> o; for (auto& x : v) o.push_back(x.name); return o; };
                std::string problem;
                if (!(s.start == plan.base.start) || s.months() != plan.base.months())
                    problem = "changes the simulated period (" + s.start.str() + " to " + s.end.str() + "); every run of a sweep must share the base scenario's calendar";
                else if (names(s.countries) != names(plan.base.countries) || names(s.sectors) != names(plan.base.sectors) ||
                         names(s.tiers) != names(plan.base.tiers) || s.outputs.dimensions != plan.base.outputs.dimensions)
                    problem = "changes the output groups; every run of a sweep must share the base scenario's groups";
                if (!problem.empty()) throw InputError(spec.parameters.front().mark, "sweep parameters", "run " + std::to_string(r) + " " + problem);
            } catch (const InputError& e) {
                std::lock_guard lock(m);
                if (r < first_bad) first_bad = r, error.emplace(e);
            }
        });
        if (error) throw *error;
    }
    return plan;
}

}  // namespace supplysim::sweep
