#pragma once
// Writing a calibration: the HDF5 file (schema in docs/calibration.md) and the calibrated scenario
// `<out>.scenario.yaml`, which `extends:` the base scenario and sets the free keys to the estimate.
#include <string>

#include "supplysim/input/calibration_file.hpp"
#include "supplysim/output/atomic_file.hpp"
#include "supplysim/output/calibration_result.hpp"

namespace supplysim::calibration {

// Writes the calibration into the reserved "<output>.partial", whole and closed; the caller commits it
// (after the calibrated scenario is written too, so neither appears without the other being whole).
void write_calibration(AtomicFile& target, const CalibrationSpec& spec, const CalibrationResult& result, const std::string& command_line);

// The calibrated scenario's text; `scenario_path` is where it will be written (for the relative extends).
std::string calibrated_scenario_yaml(const CalibrationSpec& spec, const CalibrationResult& result,
                                     const std::string& scenario_path, const std::string& command_line);

}  // namespace supplysim::calibration
