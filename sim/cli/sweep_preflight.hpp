#pragma once
// What `sweep` checks before its first run: that its output overlaps no input, that an existing
// output is replaced only with --force (and never by --resume of another sweep), that the largest run
// fits in memory, and — in the process that writes — reserves the output (taking over what an
// interrupted run of the same sweep left when resuming).
#include <optional>

#include "supplysim/output/atomic_file.hpp"
#include "supplysim/runs/sweep/sweep_runner.hpp"

namespace supplysim::cli {

// An exit code when the sweep has nothing to do (0); otherwise continue. Throws Refusal or OutputError.
// `writer`: this process writes the output (not an MPI rank other than 0); it gets `reserved`.
std::optional<int> prepare_sweep_output(const sweep::SweepPlan& plan, const sweep::SweepOptions& options, bool force,
                                        int threads, bool writer, std::optional<AtomicFile>& reserved);

}  // namespace supplysim::cli
