#pragma once
// Target moments: where each target's value lives in a replicate's series, the simulated moment
// (mean over replicates and the months of the window) and the distance between simulated and
// published moments: sum over targets of weight * ((simulated - observed) / se)^2.
#include <vector>

#include "supplysim/input/calibration_file.hpp"
#include "supplysim/model/groups.hpp"
#include "supplysim/model/indicators.hpp"
#include "supplysim/model/scenario.hpp"

namespace supplysim::calibration {

class MomentPlan {
public:
    // Resolves every target against the scenario the calibration runs use. Throws InputError at the
    // target for an unknown indicator or group, or a window outside the simulated period.
    MomentPlan(const std::vector<Target>& targets, const Scenario& scenario);

    std::size_t size() const { return cells_.size(); }
    // Simulated moments of one candidate (its replicates' series).
    std::vector<double> simulate(const std::vector<Series>& replicates) const;
    // Per-target replicate standard deviation of the window mean (Monte Carlo noise), for reports.
    std::vector<double> replicate_sd(const std::vector<Series>& replicates) const;
    double distance(const std::vector<double>& simulated) const;

private:
    struct Cell {
        int indicator = 0, group = 0, first = 0, last = 0;
        double observed = 0, se = 1, weight = 1;
    };
    std::vector<Cell> cells_;
};

}  // namespace supplysim::calibration
