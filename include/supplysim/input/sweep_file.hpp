#pragma once
// Sweep files: a base scenario, the scenario keys to vary with their ranges or value lists, a design
// and replicates. Parsing checks every key with FieldReader (errors carry file:line:column). The runs
// of a sweep are planned from it by runs/sweep/sweep_plan.hpp.
#include <cstdint>
#include <string>
#include <vector>

#include "supplysim/input/input_error.hpp"

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

}  // namespace supplysim::sweep
