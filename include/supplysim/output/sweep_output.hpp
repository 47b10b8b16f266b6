#pragma once
// Writing and reading sweep result files. A sweep file is an ordinary result file (docs/output-schema.md)
// plus root attributes `design`, `sweep_yaml`, `sweep_hash`, `sweep_name`, `sweep_runs_total` and
// `/runs/parameters/<path>`. A *part* holds a subset of the runs (one run of a sweep in progress, or a
// shard): `/runs/id` then lists the sweep's run ids it holds and the root attribute `sweep_part`
// says which part it is. `merge` and the end of a sweep assemble parts into the whole file.
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "supplysim/model/groups.hpp"
#include "supplysim/model/indicators.hpp"
#include "supplysim/output/result_file.hpp"

namespace supplysim::sweep {

// Series of every replicate of one run, or nothing when the run is not available.
using RunSource = std::function<std::optional<std::vector<Series>>(int run)>;

struct WriteRequest {
    std::string output;            // final path; written as "<output>.partial"
    std::vector<int> runs;         // sweep run ids, ascending
    std::string part_label;        // empty for the whole sweep; e.g. "shard 3/16" or "run 17"
    std::string command_line;
    bool finish = true;            // false: leave "<output>.partial" marked incomplete (interrupted sweep)
    AtomicFile* reserved = nullptr;  // "<output>.partial" reserved beforehand (taken over); else reserved here
};

// Everything a sweep file says besides the indicators.
struct SweepMeta {
    OutputHeader header;  // `runs` and `command_line` are set per file written
    std::string design, name, yaml, hash;
    int total_runs = 0;
    int sobol_n = 0, sobol_k = 0;  // Saltelli layout (sobol designs only)
    std::vector<std::string> parameter_paths;
    std::vector<std::vector<double>> parameter_columns;  // [parameter][sweep run id]
};

// Writes a sweep file or part; returns how many runs were present. The HDF5 library is not
// thread-safe: every function here takes one process-wide lock around its HDF5 calls.
int write_sweep_output(const SweepMeta& meta, const WriteRequest& request, const RunSource& source);

// What a sweep file or part holds.
struct PartInfo {
    std::string path, hash, sweep_name, part_label, design, yaml;
    bool complete = false;
    int sobol_n = 0, sobol_k = 0;
    int total_runs = 0, replicates = 0, months = 0, groups = 0;
    std::vector<int> runs;   // sweep run ids with every replicate present (done = 1)
    std::vector<int> local;  // their positions in the file
    std::vector<std::string> parameter_paths;             // /runs/parameters members, sorted by name
    std::vector<std::vector<double>> parameter_values;    // [parameter][position in file]
    std::vector<int> all_ids;                             // /runs/id
};
// Throws std::runtime_error naming the file when it is not a readable supplysim sweep file.
PartInfo read_part_info(const std::string& path);
// The replicates of the run stored at position `local`.
std::vector<Series> read_run(const PartInfo& info, int local);

// The process-wide lock around HDF5 calls.
std::mutex& hdf5_mutex();

}  // namespace supplysim::sweep
