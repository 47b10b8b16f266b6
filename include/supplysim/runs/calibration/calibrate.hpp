#pragma once
// A calibration from start to end: the method the file names (ABC rejection, ABC-SMC or MSM), then
// the estimate simulated once more for the report.
#include "supplysim/input/calibration_file.hpp"
#include "supplysim/output/calibration_result.hpp"
#include "supplysim/runs/calibration/evaluator.hpp"

namespace supplysim::calibration {

CalibrationResult calibrate(const CalibrationSpec& spec, const Log& log);
CalibrationResult calibrate(const CalibrationSpec& spec, Evaluator& evaluator, const Log& log);

}  // namespace supplysim::calibration
