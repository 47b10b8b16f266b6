#pragma once
// What a calibration found: every generation's particles and the posterior summary (or the MSM
// estimate), as the calibration methods (runs/calibration/) fill it and the calibration output writes it.
#include <vector>

namespace supplysim::calibration {

struct Generation {
    double epsilon = 0;                     // tolerance (largest accepted distance)
    int simulations = 0;                    // candidates simulated in this generation
    bool relaxed = false;                   // the budget ran out: the best candidates were kept instead
    std::vector<std::vector<double>> theta; // [particle][parameter]
    std::vector<double> distance, weight;   // [particle]
    std::vector<std::vector<double>> moments; // [particle][target]
};

struct Summary {
    std::vector<double> mean, sd, q025, q25, q50, q75, q975;  // [parameter]
};

struct CalibrationResult {
    std::vector<Generation> generations;
    Summary posterior;                      // of the last generation (MSM: mean = the estimate)
    std::vector<double> estimate;           // what the calibrated scenario uses (posterior mean / MSM minimiser)
    std::vector<double> moments_at_estimate, sd_at_estimate;
    double distance_at_estimate = 0;
    double j_statistic = 0, j_p_value = 0;  // MSM only
    int total_simulations = 0;
    double seconds = 0;
};

}  // namespace supplysim::calibration
