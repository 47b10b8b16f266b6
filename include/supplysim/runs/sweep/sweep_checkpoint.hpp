#pragma once
// What a sweep leaves behind to be resumed, and how --resume takes it over (docs/sweeps.md):
//   OUT.partial.d/        one checkpoint file per finished run (run-<id>.h5) and the stamp sweep_hash
//   OUT.partial           the sweep's reservation of its output (AtomicFile); after SIGINT/SIGTERM the
//                         finished runs assembled, marked incomplete
//   OUT.unreadable/       checkpoints that could not be read, set aside (never deleted); their runs
//                         are done again
// Only the process holding OUT.partial's lock touches the folder, so a resumed sweep may clear what a
// killed process of the same sweep left half-written there.
#include <set>
#include <string>

#include "supplysim/output/atomic_file.hpp"
#include "supplysim/runs/sweep/sweep_plan.hpp"

namespace supplysim::sweep {

struct SweepOptions;
class WorkDir;

// Moves `file`, which cannot be read (`why`), into "<output>.unreadable/" under a free name and says
// so in one line on stderr. Returns where it went.
std::string set_aside(const std::string& file, const std::string& output, const std::string& why);

// Whether OUT already holds this sweep (or this shard of it), complete.
bool output_already_complete(const SweepPlan& plan, const SweepOptions& options);

// The finished runs of a left-over OUT.partial (kept by an interrupted sweep, possibly without its
// folder) that `done` lacks are stored as checkpoints in `work` and added to `done`. A file that
// cannot be read is set aside; a file of another sweep is refused (std::invalid_argument).
void take_over_kept_output(const SweepPlan& plan, const SweepOptions& options, AtomicFile& reserved, WorkDir& work,
                           std::set<int>& done);

// Removes what a sweep wrote into its folder (the stamp and the run checkpoints) and the folder
// itself when nothing else is in it; other files are left, and named.
void remove_checkpoint_folder(const std::string& folder);

}  // namespace supplysim::sweep
