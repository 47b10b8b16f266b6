#pragma once
// Running a sweep on one machine: runs in parallel with oneTBB (each run's replicates and phases are
// parallel too), every finished run stored at once so a sweep killed at any moment loses nothing.
//
// While a sweep into OUT runs, finished runs live in the folder "OUT.partial.d/" as one small result
// file per run ("run-<id>.h5", each written under a temporary name and renamed when whole, so a
// killed write leaves no run behind that looks finished). At the end they are assembled into
// "OUT.partial", which is marked complete and renamed to OUT; then the folder is removed. `--resume`
// reads the folder, checks that it belongs to the same sweep (sweep_hash) and runs only what is missing.
// SIGINT/SIGTERM: running runs stop, finished runs are assembled into "OUT.partial" (complete = 0, a
// valid file with /runs/done marking what is there) and kept in the folder for --resume; --resume
// also takes the runs of an OUT.partial whose folder is gone (runs/sweep_checkpoint.hpp).
#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "supplysim/model/indicators.hpp"
#include "supplysim/output/sweep_output.hpp"
#include "supplysim/runs/sweep/sweep_plan.hpp"

namespace supplysim::sweep {

struct SweepOptions {
    std::string output;
    bool resume = false;
    int shard = 0, shards = 1;   // this process runs the runs r with r % shards == shard
    std::string command_line;
    bool quiet = false;
    // "<output>.partial", reserved (locked) by the command before the sweep starts; the final file is
    // written into it. Null: reserved when the output is written.
    AtomicFile* output_file = nullptr;
};

// Runs of shard `shard` of `shards` (round robin, so every shard gets a share of each Sobol block).
std::vector<int> shard_runs(int total, int shard, int shards);

// The folder of finished runs of a sweep in progress.
class WorkDir {
public:
    WorkDir(const SweepPlan& plan, const SweepOptions& options);
    const std::string& path() const { return path_; }
    bool exists() const;
    // Creates the folder (fresh start) or reads it (resume); returns the finished run ids. Checkpoints
    // that cannot be read are set aside (set_aside) and their runs done again. Throws
    // std::invalid_argument for a folder of another sweep.
    std::set<int> open();
    void store(int run, const std::vector<Series>& series);
    std::optional<std::vector<Series>> fetch(int run) const;
    void remove();

private:
    std::string run_file(int run) const;
    void write_stamp(const std::string& stamp) const;
    const SweepPlan& plan_;
    const SweepOptions& options_;
    std::string path_;
    SweepMeta meta_;
};

// Progress on stderr: a bar with a time estimate on a terminal, plain lines otherwise.
class Progress {
public:
    Progress(int total, int already_done, bool quiet);
    void tick();
    void done();

private:
    void print(bool final);
    int total_, done_, start_done_;
    bool quiet_, tty_;
    std::chrono::steady_clock::time_point t0_, last_;
};

// What is left to do: the result of preparing a sweep (shared by the local and MPI runners).
struct Prepared {
    std::vector<int> mine;     // runs this process is responsible for
    std::vector<int> pending;  // of those, the ones not finished yet
    bool nothing_to_do = false;
};
// Checks the output and the work folder, honours --resume. Throws std::invalid_argument for
// user errors (exit 2) and std::runtime_error otherwise.
Prepared prepare(const SweepPlan& plan, const SweepOptions& options, WorkDir& work);

// Assembles the finished runs: complete → OUT (folder removed); interrupted → OUT.partial, kept
// incomplete. Returns the number of runs present.
int assemble(const SweepPlan& plan, const SweepOptions& options, WorkDir& work, const Prepared& prepared, bool complete);

// Sweep on this machine. Returns 0 when complete, 130 when interrupted; throws on errors.
int run_sweep_local(const SweepPlan& plan, const SweepOptions& options);

// One run, every replicate (throws Cancelled).
std::vector<Series> simulate_run(const SweepPlan& plan, int run);

}  // namespace supplysim::sweep
