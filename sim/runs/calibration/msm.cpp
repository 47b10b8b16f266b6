// Method of simulated moments by design search: Latin hypercube rounds over a box that shrinks around
// the best point so far. Every candidate uses the base scenario's seed (common random numbers), so
// the distance surface is smooth enough to compare neighbouring candidates.
#include <boost/math/distributions/chi_squared.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "supplysim/runs/calibration/msm.hpp"
#include "supplysim/runs/calibration/summary.hpp"
#include "supplysim/runs/sweep/design.hpp"

namespace supplysim::calibration {

CalibrationResult run_msm(const CalibrationSpec& spec, Evaluator& ev, const Log& log) {
    CalibrationResult res;
    const std::size_t k = spec.parameters.size();
    std::vector<double> lo(k), hi(k);
    for (std::size_t j = 0; j < k; ++j) lo[j] = spec.parameters[j].prior.box_lower(), hi[j] = spec.parameters[j].prior.box_upper();
    std::vector<double> best_theta;
    double best_d = 1e300;
    for (int round = 0; round <= spec.method.generations; ++round) {
        const auto unit = sweep::latin_hypercube(spec.method.prior_draws, int(k), spec.seed + std::uint64_t(round));
        Generation g;
        for (const auto& u : unit) {
            std::vector<double> th(k);
            for (std::size_t j = 0; j < k; ++j) th[j] = lo[j] + u[j] * (hi[j] - lo[j]);
            g.theta.push_back(th);
        }
        if (!best_theta.empty()) g.theta.push_back(best_theta);  // keep the incumbent comparable
        g.moments = ev.evaluate(g.theta);
        g.simulations = int(g.theta.size());
        for (std::size_t i = 0; i < g.theta.size(); ++i) {
            g.distance.push_back(ev.moments().distance(g.moments[i]));
            g.weight.push_back(1.0 / double(g.theta.size()));
            if (g.distance[i] < best_d) best_d = g.distance[i], best_theta = g.theta[i];
        }
        g.epsilon = best_d;
        char buf[160];
        std::snprintf(buf, sizeof buf, "round %d (MSM): %d points, best distance %.4g", round, g.simulations, best_d);
        log(buf);
        res.generations.push_back(std::move(g));
        for (std::size_t j = 0; j < k; ++j) {
            const double half = 0.5 * spec.method.shrink * (hi[j] - lo[j]);
            const double plo = spec.parameters[j].prior.box_lower(), phi = spec.parameters[j].prior.box_upper();
            lo[j] = std::max(plo, best_theta[j] - half);
            hi[j] = std::min(phi, best_theta[j] + half);
        }
    }
    res.estimate = best_theta;
    // The spread of the best tenth of all points, as a rough indication of how well the targets pin
    // each parameter down (not a standard error).
    std::vector<std::vector<double>> all;
    std::vector<double> d;
    for (const auto& g : res.generations)
        for (std::size_t i = 0; i < g.theta.size(); ++i) all.push_back(g.theta[i]), d.push_back(g.distance[i]);
    std::vector<std::size_t> idx(d.size());
    for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::stable_sort(idx.begin(), idx.end(), [&](auto a, auto b) { return d[a] < d[b]; });
    idx.resize(std::max<std::size_t>(2, idx.size() / 10));
    std::vector<std::vector<double>> top;
    for (auto i : idx) top.push_back(all[i]);
    res.posterior = summarise(top, std::vector<double>(top.size(), 1.0));
    res.posterior.mean = best_theta;
    res.j_statistic = best_d;
    const int df = int(spec.targets.size()) - int(k);
    res.j_p_value = df > 0 ? boost::math::cdf(boost::math::complement(boost::math::chi_squared(df), best_d)) : std::nan("");
    return res;
}

}  // namespace supplysim::calibration
