#include "supplysim/runs/parameter_ensemble.hpp"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>

#include "supplysim/input/key_path.hpp"
#include "supplysim/input/number_text.hpp"
#include "supplysim/input/scenario_loader.hpp"
#include "supplysim/model/rng.hpp"
#include "supplysim/output/posterior_file.hpp"

namespace supplysim {

namespace {

// A key path's stream: FNV-1a of the path, so adding or removing another range leaves its draws alone.
std::uint32_t stream_of(const std::string& path) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : path) h = (h ^ c) * 16777619u;
    return h;
}
// Ranges use block 0 of their stream; the posterior's particle choice uses block 1 of stream 0.
constexpr std::uint32_t range_block = 0, posterior_block = 1;

// Inverse transform of a normal truncated to [lo, hi] (in standard units); Boost.Math for the quantile.
double truncated_normal(double mean, double sd, double lo, double hi, double u) {
    if (!(sd > 0)) return std::clamp(mean, lo, hi);
    const boost::math::normal z;
    const double a = std::isfinite(lo) ? boost::math::cdf(z, (lo - mean) / sd) : 0.0;
    const double b = std::isfinite(hi) ? boost::math::cdf(z, (hi - mean) / sd) : 1.0;
    const double p = a + u * (b - a);
    if (!(p > 0 && p < 1)) return std::clamp(mean, lo, hi);  // truncation far in a tail: all mass at an end
    return std::clamp(mean + sd * boost::math::quantile(z, p), lo, hi);
}

std::size_t weighted_choice(const std::vector<double>& weight, double u) {
    double cumulative = 0;  // in particle order, so the choice is the same on every machine
    for (std::size_t i = 0; i < weight.size(); ++i) {
        cumulative += weight[i];
        if (u < cumulative) return i;
    }
    return weight.size() - 1;
}

}  // namespace

double draw_from_range(const RangeSpec& r, double u) {
    double x = r.low;
    switch (r.distribution) {
        case Distribution::uniform: x = r.low + u * (r.high - r.low); break;
        case Distribution::triangular: {
            const double width = r.high - r.low;
            if (!(width > 0)) break;
            const double f = (r.mode - r.low) / width;
            x = u < f ? r.low + std::sqrt(u * width * (r.mode - r.low)) : r.high - std::sqrt((1 - u) * width * (r.high - r.mode));
            break;
        }
        case Distribution::normal: x = truncated_normal(r.mean, r.sd, r.low, r.high, u); break;
        case Distribution::lognormal: {
            const double lo = r.low > 0 ? std::log(r.low) : -HUGE_VAL, hi = std::isfinite(r.high) && r.high < 1e300 ? std::log(r.high) : HUGE_VAL;
            x = std::exp(truncated_normal(r.mean, r.sd, lo, hi, u));
            break;
        }
    }
    x = std::clamp(x, r.low, r.high);
    return r.integer ? std::round(x) : x;
}

ParameterEnsemble draw_parameter_ensemble(const ConfigNode& tree, const std::string& source, const UncertaintySpec& spec) {
    const Scenario base = resolve_scenario(tree, source);
    ParameterEnsemble e;
    e.record.yaml = spec.yaml();
    e.record.replicates_per_draw = spec.replicates_per_draw;

    PosteriorParticles posterior;
    if (!spec.posterior_file.empty()) {
        posterior = read_posterior_particles(spec.posterior_file, spec.posterior_mark, spec.posterior_field);
        for (const auto& p : posterior.paths) {
            e.record.names.push_back(p);
            e.record.sources.push_back("posterior: " + spec.posterior_as_written);
        }
    }
    for (std::size_t i = 0; i < spec.ranges.size(); ++i) {
        const auto& r = spec.ranges[i];
        if (std::find(posterior.paths.begin(), posterior.paths.end(), r.path) != posterior.paths.end())
            throw InputError(r.mark, r.field, "the key is drawn from the posterior " + spec.posterior_as_written + " already; remove one of the two");
        for (std::size_t j = 0; j < i; ++j)
            if (stream_of(spec.ranges[j].path) == stream_of(r.path))
                throw InputError(r.mark, r.field, "shares a random stream with " + spec.ranges[j].path + "; write the path another way");
        e.record.names.push_back(r.path);
        e.record.sources.push_back("range");
    }

    for (int d = 0; d < spec.draws; ++d) {
        const CounterRng rng(base.seed, std::uint32_t(d));
        ConfigNode draw_tree = tree;
        std::vector<double> values;
        if (!posterior.paths.empty()) {
            const std::size_t particle = weighted_choice(posterior.weight, rng.uniforms(0, 0, Purpose::parameter_draw, posterior_block)[0]);
            for (std::size_t k = 0; k < posterior.paths.size(); ++k) {
                values.push_back(posterior.theta[particle][k]);
                set_key_path(draw_tree, posterior.paths[k], number_text(values.back()), spec.posterior_mark);
            }
        }
        for (const auto& r : spec.ranges) {
            values.push_back(draw_from_range(r, rng.uniforms(0, stream_of(r.path), Purpose::parameter_draw, range_block)[0]));
            set_key_path(draw_tree, r.path, number_text(values.back()), r.mark);
        }
        e.scenarios.push_back(resolve_scenario(draw_tree, source));
        e.record.values.push_back(std::move(values));
    }
    return e;
}

}  // namespace supplysim
