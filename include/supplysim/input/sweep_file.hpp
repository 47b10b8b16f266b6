#pragma once
// Sweep files: a base scenario, the scenario keys to vary with their ranges or value lists, a design
// and replicates. Parsing checks every key with FieldReader (errors carry file:line:column); the plan
// built from it lists every run's parameter values, and each run's scenario is the base tree with those
// keys set, resolved exactly like a hand-written scenario. Everything here is a pure function of the
// sweep file (and the files it names), so run ids and seeds never depend on how runs are executed.
#include <cstdint>
#include <string>
#include <vector>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/input_error.hpp"
#include "supplysim/model/scenario.hpp"

namespace supplysim::sweep {

enum class DesignKind { grid, lhs, sobol };
const char* design_name(DesignKind d);

// How a parameter's values are coded as numbers (for /runs/parameters and for sampling).
enum class ValueKind {
    number,   // the value itself
    integer,  // the value, rounded to an integer
    month,    // a YYYY-MM date, coded yyyymm
    choice,   // one of a list of words, coded as its index in `values`
};

struct ParameterSpec {
    std::string path;              // scenario key path, e.g. countries.bangladesh.inspectorate.sanction_months
    SourceMark mark;               // where the parameter is written in the sweep file
    ValueKind kind = ValueKind::number;
    std::vector<std::string> values;  // explicit value list as written (empty for a range)
    double min = 0, max = 0;          // range (months as month indices when kind == month)
    int steps = 0;                    // grid points for a range in a grid design
    bool is_range() const { return values.empty(); }
};

struct SweepSpec {
    std::string file;          // the sweep file as given
    std::string text;          // its text, stored in outputs
    std::string base_file;     // base scenario path, resolved against the sweep file's folder
    std::string name;
    DesignKind design = DesignKind::grid;
    int samples = 0;           // lhs: runs; sobol: base samples N
    std::uint64_t seed = 1;    // design seed (lhs)
    int replicates = 0;        // 0: the base scenario's
    std::vector<ParameterSpec> parameters;
};

// Reads and checks a sweep file. Throws InputError.
SweepSpec parse_sweep_file(const std::string& path);

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
    // Parameter values of all runs, as written to /runs/parameters/<path>.
    std::vector<double> column(std::size_t p) const;
};

// Builds the design and checks every run's scenario (so a bad value fails before any run starts).
// Throws InputError naming the sweep parameter.
SweepPlan make_plan(const SweepSpec& spec, bool check_every_run = true);

// The resolved scenario of run `run`. Throws InputError naming the sweep parameter.
Scenario scenario_for_run(const SweepPlan& plan, int run);

// Sets the value at a dotted key path in a scenario tree: map keys by name, lists of named maps by
// the entry's name, other lists by index. Missing maps are created (the scenario schema then decides
// whether the key exists). Throws InputError at `mark`.
void set_key_path(ConfigNode& tree, const std::string& path, const std::string& value, const SourceMark& mark);

// 64-bit FNV-1a, as 16 hex digits.
std::string fnv1a_hex(const std::string& data);

}  // namespace supplysim::sweep
