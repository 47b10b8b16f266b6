// The runs of a sweep: its design as parameter values per run, each run's scenario, and the hash that
// identifies the sweep's results.
#include "supplysim/runs/sweep/sweep_plan.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <optional>

#include "supplysim/input/key_path.hpp"
#include "supplysim/input/number_text.hpp"
#include "supplysim/input/scenario_loader.hpp"
#include "supplysim/input/uncertainty.hpp"
#include "supplysim/runs/sweep/design.hpp"
#include "supplysim/version.hpp"

namespace supplysim::sweep {

namespace {

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

}  // namespace

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

ConfigNode SweepPlan::tree_of_run(int run) const {
    ConfigNode tree = base_tree;
    for (std::size_t p = 0; p < spec.parameters.size(); ++p)
        set_key_path(tree, spec.parameters[p].path, value_text(run, p), spec.parameters[p].mark);
    return tree;
}

Scenario scenario_for_run(const SweepPlan& plan, int run) {
    const ConfigNode tree = plan.tree_of_run(run);
    const auto& params = plan.spec.parameters;
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
    refuse_uncertainty(plan.base_tree, "sweep");
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
                const auto names = [](const auto& v) { return names_of(v); };
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

SweepMeta meta_of(const SweepPlan& plan) {
    SweepMeta m;
    const GroupLayout layout(plan.base);
    m.header = make_header(plan.base, layout, plan.replicates, plan.runs(), "");
    m.header.scenario_file = plan.spec.file;
    m.design = design_name(plan.spec.design);
    m.name = plan.spec.name;
    m.yaml = plan.spec.text;
    m.hash = plan.hash;
    m.total_runs = plan.runs();
    if (plan.spec.design == DesignKind::sobol) {
        m.sobol_n = plan.spec.samples;
        m.sobol_k = int(plan.spec.parameters.size());
    }
    for (std::size_t p = 0; p < plan.spec.parameters.size(); ++p) {
        m.parameter_paths.push_back(plan.spec.parameters[p].path);
        m.parameter_columns.push_back(plan.column(p));
    }
    return m;
}

}  // namespace supplysim::sweep
