#pragma once
// Sweeps across MPI ranks (built only when MPI is found; SUPPLYSIM_HAVE_MPI). Rank 0 reads the work
// folder, hands out runs one at a time from a queue to ranks that ask for work, stores each result
// as it arrives (the same per-run files as a local sweep, so --resume works the same) and writes the
// output file; ranks 1.. simulate. Results do not depend on which rank ran what: every draw is a
// pure function of (seed, replicate, month, agent, purpose), so the file equals the serial one.
#include <string>

#include "supplysim/runs/sweep/sweep_runner.hpp"

namespace supplysim::sweep {

#ifdef SUPPLYSIM_HAVE_MPI
// Rank 0 returns 0 (complete), 130 (interrupted) or 2 (bad input); other ranks return 0.
int run_sweep_mpi(const SweepPlan& plan, const SweepOptions& options);
#endif

}  // namespace supplysim::sweep
