// Parameter ensembles: draws from ranges and from a calibration posterior, pairing across scenarios,
// and an ensemble whose ranges have zero width running exactly as the plain scenario.
#include <catch2/catch.hpp>
#include <tbb/global_control.h>

#include <cmath>
#include <cstring>
#include <set>

#include "supplysim/runs/experiment.hpp"
#include "supplysim/output/posterior_file.hpp"
#include "supplysim/runs/parameter_ensemble.hpp"
#include "test_support.hpp"

using namespace supplysim;

namespace {

ConfigNode small_tree(const std::string& overlay_yaml) {
    ConfigNode tree = load_config(test::source_path("tests/data/small.yaml"));
    deep_merge(tree, parse_config_text(overlay_yaml, test::source_path("tests/data/overlay.yaml")));
    return tree;
}

ParameterEnsemble ensemble_of(const ConfigNode& tree) {
    return draw_parameter_ensemble(tree, "overlay.yaml", *read_uncertainty(tree));
}

// Bit for bit, NaN included.
bool same_bits(const Series& a, const Series& b) {
    return a.values.size() == b.values.size() &&
           std::memcmp(a.values.data(), b.values.data(), a.values.size() * sizeof(double)) == 0;
}

// Month m of indicator i, group "all", bit for bit.
bool same_month(const Series& a, const Series& b, int month) {
    for (int i = 0; i < int(indicator_catalogue().size()); ++i) {
        const double x = a.at(i, month, 0), y = b.at(i, month, 0);
        if (std::memcmp(&x, &y, sizeof x) != 0) return false;
    }
    return true;
}

const std::string ratification =
    "interventions:\n"
    "  - {type: ratification, convention: C155, where: {countries: [south]}, start: 2020-01, law_gain: 0.5, lag_months: 3}\n";

}  // namespace

TEST_CASE("draws follow their distributions", "[uncertainty][unit][sanitizer]") {
    RangeSpec r;
    r.low = 2, r.high = 6;
    CHECK(draw_from_range(r, 0.5) == 4);
    CHECK(draw_from_range(r, 0.25) == 3);
    r.distribution = Distribution::triangular, r.mode = 3;
    CHECK(draw_from_range(r, 0.25) == Approx(3));  // the mode's cumulative share is (3 - 2) / (6 - 2)
    CHECK(draw_from_range(r, 0.999) < 6);
    r.distribution = Distribution::normal, r.mean = 10, r.sd = 2, r.low = -1e300, r.high = 1e300;
    CHECK(draw_from_range(r, 0.5) == Approx(10));
    CHECK(draw_from_range(r, 0.975) == Approx(10 + 2 * 1.959964).epsilon(1e-6));
    r.low = 9, r.high = 11;  // truncated: the quantiles of the part inside
    CHECK(draw_from_range(r, 0.5) == Approx(10));
    CHECK(draw_from_range(r, 1e-9) >= 9);
    CHECK(draw_from_range(r, 1 - 1e-9) <= 11);
    r.distribution = Distribution::lognormal, r.mean = std::log(3.0), r.sd = 0.5, r.low = -1e300, r.high = 1e300;
    CHECK(draw_from_range(r, 0.5) == Approx(3));
    r.distribution = Distribution::uniform, r.low = 0, r.high = 24, r.integer = true;
    CHECK(draw_from_range(r, 0.51) == 12);
    CHECK(draw_from_range(r, 0.52) == 12);  // 12.48 rounds down
    CHECK(draw_from_range(r, 0.53) == 13);  // 12.72 rounds up
}

TEST_CASE("an ensemble draws each key within its range, the same values every time", "[uncertainty][unit][sanitizer]") {
    const auto tree = small_tree(ratification +
                                 "uncertainty:\n"
                                 "  draws: 40\n"
                                 "  replicates_per_draw: 3\n"
                                 "  ranges:\n"
                                 "    countries.south.rule_of_law: [0.2, 0.4]\n"
                                 "    interventions.0.law_gain: {distribution: triangular, low: 0.1, mode: 0.5, high: 0.6}\n"
                                 "    interventions.0.lag_months: {distribution: uniform, low: 0, high: 10, integer: true}\n");
    const auto e = ensemble_of(tree);
    REQUIRE(e.scenarios.size() == 40);
    CHECK(e.replicates() == 120);
    CHECK(e.record.names == std::vector<std::string>{"countries.south.rule_of_law", "interventions.0.law_gain", "interventions.0.lag_months"});
    CHECK(e.record.sources == std::vector<std::string>{"range", "range", "range"});
    std::set<double> rule_of_law;
    for (std::size_t d = 0; d < 40; ++d) {
        const auto& v = e.record.values[d];
        CHECK((v[0] >= 0.2 && v[0] <= 0.4));
        CHECK((v[1] >= 0.1 && v[1] <= 0.6));
        CHECK((v[2] >= 0 && v[2] <= 12 && v[2] == std::round(v[2])));
        rule_of_law.insert(v[0]);
        // the scenario of the draw has the drawn values, the intervention's included
        const auto& s = e.scenarios[d];
        CHECK(s.countries[1].rule_of_law == v[0]);
        const auto& lever = std::get<RatificationLever>(s.interventions.at(0).lever);
        CHECK(lever.law_gain == v[1]);
    }
    CHECK(rule_of_law.size() == 40);
    CHECK(&e.scenario_of_replicate(5) == &e.scenarios[1]);
    const auto again = ensemble_of(tree);
    CHECK(again.record.values == e.record.values);
}

TEST_CASE("with zero-width ranges the ensemble runs exactly as the plain scenario", "[uncertainty][integration][threads]") {
    const std::string scenario = ratification + "countries:\n  - {name: north, rule_of_law: 0.7}\n";
    const auto plain_tree = small_tree(scenario);
    const Scenario plain = resolve_scenario(plain_tree, "overlay.yaml");
    const auto tree = small_tree(scenario +
                                 "uncertainty:\n"
                                 "  draws: 2\n"
                                 "  replicates_per_draw: 2\n"
                                 "  ranges:\n"
                                 "    countries.north.rule_of_law: [0.7, 0.7]\n"
                                 "    interventions.0.law_gain: {distribution: triangular, low: 0.5, mode: 0.5, high: 0.5}\n"
                                 "    interventions.0.lag_months: {distribution: normal, mean: 3, sd: 0, integer: true}\n");
    const auto e = ensemble_of(tree);
    const GroupLayout layout(plain);
    const auto expected = run_replicates(plain, layout, 4);
    const auto got = run_replicates([&](int r) -> const Scenario& { return e.scenario_of_replicate(r); }, layout, 4);
    for (int r = 0; r < 4; ++r) CHECK(same_bits(got[std::size_t(r)], expected[std::size_t(r)]));
    // and the draws do matter when the ranges are wide
    const auto wide = ensemble_of(small_tree(scenario + "uncertainty: {draws: 2, ranges: {countries.north.rule_of_law: [0.1, 0.9]}}\n"));
    const auto moved = run_replicates([&](int r) -> const Scenario& { return wide.scenario_of_replicate(r); }, layout, 4);
    CHECK_FALSE(same_bits(moved[0], expected[0]));
}

TEST_CASE("paired draws give a policy effect of exactly zero before the policy starts", "[uncertainty][integration][threads]") {
    const std::string uncertainty =
        "uncertainty:\n"
        "  draws: 3\n"
        "  replicates_per_draw: 2\n"
        "  ranges:\n"
        "    countries.south.rule_of_law: [0.1, 0.6]\n"
        "    parameters.compliance.law_weight: {distribution: normal, mean: 10, sd: 1.5, low: 6}\n";
    const auto base = ensemble_of(small_tree(uncertainty));
    // The policy draws its own lever keys too; the keys both scenarios have get the same values.
    const auto policy = ensemble_of(small_tree(ratification + uncertainty + "    interventions.0.law_gain: [0.3, 0.9]\n"));
    REQUIRE(policy.record.names.size() == 3);
    for (std::size_t d = 0; d < 3; ++d) {
        CHECK(policy.record.values[d][0] == base.record.values[d][0]);
        CHECK(policy.record.values[d][1] == base.record.values[d][1]);
    }
    CHECK(base.record.values[0][0] != base.record.values[1][0]);
    const GroupLayout layout(base.scenarios[0]);
    const auto b = run_replicates([&](int r) -> const Scenario& { return base.scenario_of_replicate(r); }, layout, 6);
    const auto p = run_replicates([&](int r) -> const Scenario& { return policy.scenario_of_replicate(r); }, layout, 6);
    const int policy_start = 12;  // 2020-01 in a horizon from 2019-01
    bool moved_after = false;
    for (int r = 0; r < 6; ++r) {
        for (int m = 0; m < policy_start; ++m) CHECK(same_month(b[std::size_t(r)], p[std::size_t(r)], m));
        for (int m = policy_start; m < b[0].months; ++m) moved_after = moved_after || !same_month(b[std::size_t(r)], p[std::size_t(r)], m);
    }
    CHECK(moved_after);
    // and the ensemble does not depend on the thread count
    tbb::global_control one_thread(tbb::global_control::max_allowed_parallelism, 1);
    const auto serial = run_replicates([&](int r) -> const Scenario& { return policy.scenario_of_replicate(r); }, layout, 6);
    for (int r = 0; r < 6; ++r) CHECK(same_bits(serial[std::size_t(r)], p[std::size_t(r)]));
}

TEST_CASE("posterior draws are weighted particles of the calibration's last generation", "[uncertainty][unit]") {
    const auto calibration = test::source_path("scenarios/calibration/baseline_cross_section.calib.h5");
    const auto tree = small_tree("uncertainty:\n  posterior: ../../scenarios/calibration/baseline_cross_section.calib.h5\n  draws: 400\n");
    const auto e = ensemble_of(tree);
    const auto particles = read_posterior_particles(calibration, {}, "");
    REQUIRE(particles.theta.size() == 25);
    CHECK(e.record.names == particles.paths);
    CHECK(e.record.sources[0] == "posterior: ../../scenarios/calibration/baseline_cross_section.calib.h5");
    std::vector<int> chosen(particles.theta.size(), 0);
    for (std::size_t d = 0; d < e.record.values.size(); ++d) {
        std::size_t match = particles.theta.size();
        for (std::size_t i = 0; i < particles.theta.size(); ++i)
            if (particles.theta[i] == e.record.values[d]) match = i;
        REQUIRE(match < particles.theta.size());
        ++chosen[match];
        CHECK(e.scenarios[d].parameters.compliance.law_weight == e.record.values[d][1]);
    }
    // particle 20 weighs 0.0996, three times the typical particle: chosen about 40 times in 400
    CHECK(chosen[20] > 20);
    CHECK(chosen[20] < 65);
}
