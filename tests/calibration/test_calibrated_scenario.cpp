// Regression: the shipped calibrated scenario (scenarios/calibration/baseline_calibrated.yaml) keeps its
// key moments. It is run with the calibration's own settings (horizon, world size, replicates, seed),
// and each target moment must stay (a) within 4 published standard errors of the published figure and
// (b) within 0.04 of the value recorded when the scenario was calibrated (docs/validation.md).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <map>

#include "supplysim/input/calibration_file.hpp"
#include "supplysim/runs/calibration/calibrate.hpp"

using namespace supplysim::calibration;

namespace {
// Moments of the calibrated scenario under the calibration settings, recorded at calibration time.
const std::map<std::string, double> recorded = {
    {"below_min_viet_nam", 0.1924},
    {"below_min_indonesia", 0.4131},
    {"informal_subcontractors", 0.7236},
};
constexpr double published_se_tolerance = 4.0;  // Viet Nam sits at 3.7 se: a known misfit (docs/validation.md)
constexpr double drift_tolerance = 0.04;
}  // namespace

TEST_CASE("the shipped calibrated scenario holds its key moments", "[integration]") {
    const std::string src = SUPPLYSIM_SOURCE_DIR;
    auto spec = parse_calibration_file(src + "/scenarios/calibration/baseline_cross_section.yaml");
    spec.base_file = src + "/scenarios/calibration/baseline_calibrated.yaml";
    spec.parameters.clear();  // the estimates are in the scenario now
    Evaluator ev(spec);
    const auto m = ev.evaluate({{}})[0];
    REQUIRE(m.size() == spec.targets.size());
    for (std::size_t j = 0; j < m.size(); ++j) {
        const auto& t = spec.targets[j];
        std::fprintf(stderr, "  %s: published %.3f (se %.3f), calibrated model %.3f (recorded %.3f)\n", t.name.c_str(), t.observed,
                     t.se, m[j], recorded.at(t.name));
        INFO(t.name << ": model " << m[j] << ", published " << t.observed << " (se " << t.se << "), recorded " << recorded.at(t.name));
        CHECK(std::abs(m[j] - t.observed) <= published_se_tolerance * t.se);
        CHECK(std::abs(m[j] - recorded.at(t.name)) <= drift_tolerance);
    }
}
