// Approximate Bayesian computation: rejection from the prior, then generations of ABC-SMC.
#include "supplysim/runs/calibration/abc.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_01.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "supplysim/runs/calibration/summary.hpp"

namespace supplysim::calibration {

namespace {

using Rng = boost::random::mt19937_64;

double uniform(Rng& rng) { return boost::random::uniform_01<double>()(rng); }
double normal(Rng& rng, double mean, double sd) { return boost::random::normal_distribution<double>(mean, sd)(rng); }

double draw_prior(const Prior& p, Rng& rng) {
    for (int attempt = 0; attempt < 100000; ++attempt) {
        double x = 0;
        switch (p.kind) {
            case PriorKind::uniform: x = p.min + uniform(rng) * (p.max - p.min); break;
            case PriorKind::normal: x = normal(rng, p.mean, p.sd); break;
            case PriorKind::lognormal: x = std::exp(normal(rng, p.mean, p.sd)); break;
        }
        if (p.inside(x)) return x;
    }
    throw std::runtime_error("cannot draw from a prior truncated to almost nothing");
}

double prior_density(const CalibrationSpec& spec, const std::vector<double>& theta) {
    double d = 1;
    for (std::size_t k = 0; k < theta.size(); ++k) d *= spec.parameters[k].prior.density(theta[k]);
    return d;
}

// Indices of the n smallest distances (ties by index: deterministic).
std::vector<std::size_t> best(const std::vector<double>& distance, std::size_t n) {
    std::vector<std::size_t> idx(distance.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::stable_sort(idx.begin(), idx.end(), [&](auto a, auto b) { return distance[a] < distance[b]; });
    idx.resize(std::min(n, idx.size()));
    return idx;
}

double quantile_sorted(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return std::nan("");
    const double pos = q * double(sorted.size() - 1);
    const auto lo = std::size_t(std::floor(pos));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (pos - double(lo)) * (sorted[hi] - sorted[lo]);
}

std::string fmt(const char* f, double a, double b = 0, double c = 0) {
    char buf[256];
    std::snprintf(buf, sizeof buf, f, a, b, c);
    return buf;
}

}  // namespace

CalibrationResult run_abc(const CalibrationSpec& spec, Evaluator& ev, const Log& log) {
    CalibrationResult res;
    Rng rng(spec.seed);
    const std::size_t k = spec.parameters.size();
    const auto n = std::size_t(spec.method.particles);
    const auto& moments = ev.moments();

    // Generation 0: rejection from the prior, keeping the n closest (an epsilon-quantile).
    std::vector<std::vector<double>> draws(std::size_t(spec.method.prior_draws));
    for (auto& th : draws)
        for (const auto& p : spec.parameters) th.push_back(draw_prior(p.prior, rng));
    const auto sims = ev.evaluate(draws);
    std::vector<double> dist;
    for (const auto& m : sims) dist.push_back(moments.distance(m));
    Generation g0;
    g0.simulations = int(draws.size());
    for (auto i : best(dist, n)) {
        g0.theta.push_back(draws[i]);
        g0.distance.push_back(dist[i]);
        g0.weight.push_back(1.0 / double(n));
        g0.moments.push_back(sims[i]);
    }
    g0.epsilon = g0.distance.back();
    log(fmt("generation 0 (rejection): %.0f prior draws, kept %.0f, epsilon %.4g", double(draws.size()), double(n), g0.epsilon));
    res.generations.push_back(std::move(g0));

    const int generations = spec.method.kind == MethodKind::abc_smc ? spec.method.generations : 0;
    for (int t = 1; t <= generations; ++t) {
        const Generation& prev = res.generations.back();
        std::vector<double> sorted = prev.distance;
        std::sort(sorted.begin(), sorted.end());
        const double eps = quantile_sorted(sorted, spec.method.alpha);
        // Gaussian kernel: sd = sqrt(2 * weighted variance) per parameter (Beaumont et al. 2009).
        const Summary ps = summarise(prev.theta, prev.weight);
        std::vector<double> ksd(k);
        for (std::size_t j = 0; j < k; ++j) {
            const double span = spec.parameters[j].prior.box_upper() - spec.parameters[j].prior.box_lower();
            ksd[j] = std::max(std::sqrt(2.0) * ps.sd[j], 1e-6 * span);
        }
        std::vector<double> cum;
        double c = 0;
        for (double w : prev.weight) cum.push_back(c += w);

        Generation gen;
        std::vector<std::vector<double>> all_theta, all_moments;
        std::vector<double> all_dist;
        while (gen.theta.size() < n && gen.simulations < spec.method.max_simulations) {
            const std::size_t batch = std::min<std::size_t>(std::max<std::size_t>(n, 2 * (n - gen.theta.size())),
                                                            std::size_t(spec.method.max_simulations - gen.simulations));
            std::vector<std::vector<double>> cand;
            while (cand.size() < batch) {
                const double u = uniform(rng) * c;
                const std::size_t pick = std::min<std::size_t>(std::size_t(std::lower_bound(cum.begin(), cum.end(), u) - cum.begin()), cum.size() - 1);
                std::vector<double> th(k);
                bool ok = true;
                for (std::size_t j = 0; j < k; ++j) {
                    th[j] = normal(rng, prev.theta[pick][j], ksd[j]);
                    ok = ok && spec.parameters[j].prior.inside(th[j]);
                }
                if (ok && prior_density(spec, th) > 0) cand.push_back(std::move(th));
            }
            const auto m = ev.evaluate(cand);
            gen.simulations += int(cand.size());
            for (std::size_t i = 0; i < cand.size(); ++i) {
                const double d = moments.distance(m[i]);
                all_theta.push_back(cand[i]);
                all_moments.push_back(m[i]);
                all_dist.push_back(d);
                if (d <= eps && gen.theta.size() < n) {
                    gen.theta.push_back(cand[i]);
                    gen.distance.push_back(d);
                    gen.moments.push_back(m[i]);
                }
            }
        }
        gen.epsilon = eps;
        if (gen.theta.size() < n) {
            // Budget spent: keep the n closest of this generation's candidates and say so.
            gen.relaxed = true;
            gen.theta.clear(), gen.distance.clear(), gen.moments.clear();
            for (auto i : best(all_dist, n)) {
                gen.theta.push_back(all_theta[i]);
                gen.distance.push_back(all_dist[i]);
                gen.moments.push_back(all_moments[i]);
            }
            gen.epsilon = *std::max_element(gen.distance.begin(), gen.distance.end());
        }
        // Importance weights.
        double wsum = 0;
        for (const auto& th : gen.theta) {
            double denom = 0;
            for (std::size_t i = 0; i < prev.theta.size(); ++i) {
                double kern = 1;
                for (std::size_t j = 0; j < k; ++j) {
                    const double z = (th[j] - prev.theta[i][j]) / ksd[j];
                    kern *= std::exp(-0.5 * z * z) / ksd[j];
                }
                denom += prev.weight[i] * kern;
            }
            const double w = denom > 0 ? prior_density(spec, th) / denom : 0;
            gen.weight.push_back(w);
            wsum += w;
        }
        for (auto& w : gen.weight) w = wsum > 0 ? w / wsum : 1.0 / double(n);
        double ess = 0;
        for (double w : gen.weight) ess += w * w;
        log(fmt("generation %.0f (SMC): epsilon %.4g, %.0f simulations", double(t), gen.epsilon, double(gen.simulations)) +
            fmt(", effective sample size %.1f", ess > 0 ? 1.0 / ess : 0.0) + (gen.relaxed ? " (budget spent: kept the closest)" : ""));
        res.generations.push_back(std::move(gen));
    }
    const auto& last = res.generations.back();
    res.posterior = summarise(last.theta, last.weight);
    res.estimate = res.posterior.mean;
    return res;
}

}  // namespace supplysim::calibration
