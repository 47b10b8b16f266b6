// Calibration recovers known parameters: targets are the model's own moments at a known parameter set
// on the small test world; ABC-SMC must find the truth again (posterior mean within a stated tolerance,
// posterior narrower than the prior), and MSM must land near it too. Budget: well under 60 s on 2 cores.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>

#include "supplysim/input/calibration_file.hpp"
#include "supplysim/runs/calibration/calibrate.hpp"

using namespace supplysim::calibration;

namespace {

const std::vector<double> truth = {0.4, 5.0};  // base_logit, deterrence_weight
// Tolerances on the posterior mean, about a fifth of each prior's width.
const std::vector<double> tolerance = {0.5, 3.0};

CalibrationSpec synthetic_spec() {
    auto spec = parse_calibration_file(std::string(SUPPLYSIM_SOURCE_DIR) + "/tests/calibration/small_recovery.yaml");
    Evaluator ev(spec);
    const auto at_truth = ev.evaluate({truth})[0];
    for (std::size_t j = 0; j < spec.targets.size(); ++j) {
        spec.targets[j].observed = at_truth[j];
        spec.targets[j].se = 0.02;
    }
    return spec;
}

double prior_sd(const Prior& p) { return (p.max - p.min) / std::sqrt(12.0); }

}  // namespace

TEST_CASE("ABC-SMC recovers known parameters from synthetic targets", "[integration]") {
    auto spec = synthetic_spec();
    const auto res = calibrate(spec, [](const std::string& line) { std::fprintf(stderr, "  %s\n", line.c_str()); });
    for (std::size_t j = 0; j < truth.size(); ++j)
        std::fprintf(stderr, "  recovery: %s truth %.3g, posterior mean %.3g (sd %.3g, 95%% %.3g..%.3g)\n", spec.parameters[j].path.c_str(),
                     truth[j], res.posterior.mean[j], res.posterior.sd[j], res.posterior.q025[j], res.posterior.q975[j]);
    for (std::size_t j = 0; j < truth.size(); ++j) {
        INFO(spec.parameters[j].path << ": truth " << truth[j] << ", posterior mean " << res.posterior.mean[j] << " sd "
                                     << res.posterior.sd[j]);
        CHECK(std::abs(res.posterior.mean[j] - truth[j]) < tolerance[j]);
        CHECK(res.posterior.sd[j] < 0.6 * prior_sd(spec.parameters[j].prior));
        CHECK(res.posterior.q025[j] <= truth[j]);
        CHECK(res.posterior.q975[j] >= truth[j]);
    }
    // Tolerances shrink from generation to generation.
    for (std::size_t g = 1; g < res.generations.size(); ++g) CHECK(res.generations[g].epsilon <= res.generations[g - 1].epsilon);
}

TEST_CASE("the same calibration file gives the same result", "[integration]") {
    auto spec = synthetic_spec();
    spec.method.prior_draws = 16, spec.method.particles = 6, spec.method.generations = 1;
    const auto a = calibrate(spec, [](const std::string&) {});
    const auto b = calibrate(spec, [](const std::string&) {});
    REQUIRE(a.generations.size() == b.generations.size());
    for (std::size_t g = 0; g < a.generations.size(); ++g) {
        CHECK(a.generations[g].theta == b.generations[g].theta);
        CHECK(a.generations[g].distance == b.generations[g].distance);
    }
    CHECK(a.estimate == b.estimate);
}

TEST_CASE("MSM lands near known parameters", "[integration]") {
    auto spec = synthetic_spec();
    spec.method.kind = MethodKind::msm;
    spec.method.prior_draws = 24, spec.method.generations = 2, spec.method.shrink = 0.5;
    const auto res = calibrate(spec, [](const std::string&) {});
    for (std::size_t j = 0; j < truth.size(); ++j)
        std::fprintf(stderr, "  recovery (MSM): %s truth %.3g, estimate %.3g\n", spec.parameters[j].path.c_str(), truth[j], res.estimate[j]);
    for (std::size_t j = 0; j < truth.size(); ++j) {
        INFO(spec.parameters[j].path << ": truth " << truth[j] << ", estimate " << res.estimate[j]);
        CHECK(std::abs(res.estimate[j] - truth[j]) < 1.5 * tolerance[j]);
    }
    CHECK(res.j_statistic < 5.0 * double(spec.targets.size()));
}
