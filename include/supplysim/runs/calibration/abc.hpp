#pragma once
// Estimation on the sweep machinery: every candidate parameter set is one run of a sweep plan (the
// base scenario tree with the free keys set, exactly like a sweep run), candidates of a generation are
// simulated in parallel with oneTBB, and every draw comes from one seeded generator on the calling
// thread, so the same calibration file gives the same output for any thread count.
//  - abc_rejection: draws from the prior, keeps the `particles` closest (an epsilon-quantile).
//  - abc_smc: then generations of ABC-SMC (Toni et al. 2009; Beaumont et al. 2009): the tolerance is
//    the `alpha`-quantile of the last generation's distances, particles are resampled by weight and
//    moved with a Gaussian kernel of twice the weighted variance, and weighted
//    w = prior(theta) / sum_j w_j K(theta | theta_j).
//  - msm: method of simulated moments: Latin hypercube rounds over a shrinking box around the best
//    point (common random numbers: every candidate uses the base seed); the estimate is the minimiser
//    and J = the minimised distance (chi-square with targets - parameters degrees of freedom when the
//    targets' se are their sampling errors).
#include <functional>
#include <string>
#include <vector>

#include "supplysim/input/calibration_file.hpp"
#include "supplysim/input/sweep_file.hpp"
#include "supplysim/runs/calibration/moments.hpp"

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

// Simulates candidates: the sweep plan whose runs are the candidates.
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

using Log = std::function<void(const std::string&)>;

CalibrationResult run_abc(const CalibrationSpec& spec, Evaluator& evaluator, const Log& log);
CalibrationResult run_msm(const CalibrationSpec& spec, Evaluator& evaluator, const Log& log);
// Dispatches on spec.method.kind, then simulates the estimate once for the report.
CalibrationResult calibrate(const CalibrationSpec& spec, const Log& log);
CalibrationResult calibrate(const CalibrationSpec& spec, Evaluator& evaluator, const Log& log);

// Weighted summaries of particles.
Summary summarise(const std::vector<std::vector<double>>& theta, const std::vector<double>& weight);

}  // namespace supplysim::calibration
