#pragma once
// Weighted summaries of particles: mean, sd and quantiles per parameter.
#include <vector>

#include "supplysim/output/calibration_result.hpp"

namespace supplysim::calibration {

Summary summarise(const std::vector<std::vector<double>>& theta, const std::vector<double>& weight);

}  // namespace supplysim::calibration
