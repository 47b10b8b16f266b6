#pragma once
// Simulating calibration candidates on the sweep machinery: every candidate parameter set is one run of
// a sweep plan (the base scenario tree with the calibration's settings and the free keys set, exactly
// like a sweep run), candidates of a batch are simulated in parallel with oneTBB, or handed to other
// MPI ranks through the `Remote` seam.
#include <functional>
#include <string>
#include <vector>

#include "supplysim/input/calibration_file.hpp"
#include "supplysim/runs/calibration/moments.hpp"
#include "supplysim/runs/sweep/sweep_plan.hpp"

namespace supplysim::calibration {

// Where a calibration reports its progress (a line at a time).
using Log = std::function<void(const std::string&)>;

class Evaluator {
public:
    // Simulates `thetas` somewhere else (other MPI ranks) and returns their moments and replicate sds
    // in order; a candidate's moments are a pure function of it, so where it ran cannot change them.
    using Remote = std::function<void(const std::vector<std::vector<double>>& thetas, std::vector<std::vector<double>>& moments,
                                      std::vector<std::vector<double>>& replicate_sd)>;

    explicit Evaluator(const CalibrationSpec& spec);
    const sweep::SweepPlan& plan() const { return plan_; }
    const MomentPlan& moments() const { return moments_; }
    // Simulated moments of each candidate, in order (parallel, or on the remote; throws Cancelled).
    std::vector<std::vector<double>> evaluate(const std::vector<std::vector<double>>& thetas,
                                              std::vector<std::vector<double>>* replicate_sd = nullptr);
    int simulations() const { return simulations_; }
    void set_remote(Remote remote) { remote_ = std::move(remote); }

private:
    sweep::SweepPlan plan_;
    MomentPlan moments_;
    int simulations_ = 0;
    Remote remote_;
};

}  // namespace supplysim::calibration
