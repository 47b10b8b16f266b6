#pragma once
// Calibration across MPI ranks (built only when MPI is found; SUPPLYSIM_HAVE_MPI). Rank 0 runs the
// method (ABC or MSM) exactly as on one machine; whenever it needs a batch of candidates simulated
// it hands them out one at a time to the ranks that ask (a dynamic queue, as sweeps do) and collects
// their moments. A candidate's moments are a pure function of its parameters (every candidate uses
// the base scenario's seed), so the result equals the one-machine calibration bit for bit.
#include <optional>

#include "supplysim/runs/calibration/calibrate.hpp"

namespace supplysim::calibration {

#ifdef SUPPLYSIM_HAVE_MPI
// Initialises and finalises MPI. Rank 0 returns the result (throws Cancelled when interrupted);
// the other ranks simulate what rank 0 sends until it is done, and return nullopt. `evaluator` is
// built by every rank before the call, so bad input stops every rank the same way before MPI starts.
std::optional<CalibrationResult> calibrate_mpi(const CalibrationSpec& spec, Evaluator& evaluator, const Log& log);
#endif

}  // namespace supplysim::calibration
