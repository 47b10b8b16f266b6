#pragma once
// The runs of a sweep: the design built from a sweep file lists every run's parameter values, and each
// run's scenario is the base tree with those keys set, resolved exactly like a hand-written scenario.
// Everything here is a pure function of the sweep file (and the files it names), so run ids and seeds
// never depend on how runs are executed.
#include <string>
#include <vector>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/sweep_file.hpp"
#include "supplysim/model/scenario.hpp"
#include "supplysim/output/sweep_output.hpp"

namespace supplysim::sweep {

// The runs of a sweep, with the base scenario loaded.
struct SweepPlan {
    SweepSpec spec;
    ConfigNode base_tree;                  // the base scenario, `extends:` resolved
    Scenario base;                         // the base scenario resolved (calendar, groups, seed)
    int replicates = 1;
    std::vector<std::vector<double>> codes;  // [run][parameter] coded values
    std::string hash;                      // hex digest of everything that determines the results

    int runs() const { return int(codes.size()); }
    // Text put into the scenario tree for parameter p of run r.
    std::string value_text(int run, std::size_t p) const;
    // The base scenario tree with run `run`'s parameter values set (what scenario_for_run resolves).
    ConfigNode tree_of_run(int run) const;
    // Parameter values of all runs, as written to /runs/parameters/<path>.
    std::vector<double> column(std::size_t p) const;
};

// Builds the design and checks every run's scenario (so a bad value fails before any run starts).
// Throws InputError naming the sweep parameter.
SweepPlan make_plan(const SweepSpec& spec, bool check_every_run = true);

// The resolved scenario of run `run`. Throws InputError naming the sweep parameter.
Scenario scenario_for_run(const SweepPlan& plan, int run);

// 64-bit FNV-1a, as 16 hex digits.
std::string fnv1a_hex(const std::string& data);

// What the sweep's output files say besides the indicators.
SweepMeta meta_of(const SweepPlan& plan);

}  // namespace supplysim::sweep
