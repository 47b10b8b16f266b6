#pragma once
// Method of simulated moments: Latin hypercube rounds over a shrinking box around the best point
// (common random numbers: every candidate uses the base seed); the estimate is the minimiser and
// J = the minimised distance (chi-square with targets - parameters degrees of freedom when the targets'
// se are their sampling errors).
#include "supplysim/input/calibration_file.hpp"
#include "supplysim/output/calibration_result.hpp"
#include "supplysim/runs/calibration/evaluator.hpp"

namespace supplysim::calibration {

CalibrationResult run_msm(const CalibrationSpec& spec, Evaluator& evaluator, const Log& log);

}  // namespace supplysim::calibration
