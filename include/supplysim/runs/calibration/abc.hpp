#pragma once
// Approximate Bayesian computation. Every draw comes from one seeded generator on the calling thread
// and candidates are simulated by the Evaluator, so the same calibration file gives the same output
// for any thread count or rank count.
//  - abc_rejection: draws from the prior, keeps the `particles` closest (an epsilon-quantile).
//  - abc_smc: then generations of ABC-SMC (Toni et al. 2009; Beaumont et al. 2009): the tolerance is
//    the `alpha`-quantile of the last generation's distances, particles are resampled by weight and
//    moved with a Gaussian kernel of twice the weighted variance, and weighted
//    w = prior(theta) / sum_j w_j K(theta | theta_j).
#include "supplysim/input/calibration_file.hpp"
#include "supplysim/output/calibration_result.hpp"
#include "supplysim/runs/calibration/evaluator.hpp"

namespace supplysim::calibration {

CalibrationResult run_abc(const CalibrationSpec& spec, Evaluator& evaluator, const Log& log);

}  // namespace supplysim::calibration
