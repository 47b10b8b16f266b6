// Calibration files: parsing, errors with file:line, priors, summaries.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "supplysim/input/calibration_file.hpp"
#include "supplysim/runs/calibration/evaluator.hpp"
#include "supplysim/runs/calibration/summary.hpp"

using namespace supplysim;
using namespace supplysim::calibration;

namespace {
const std::string src = SUPPLYSIM_SOURCE_DIR;

std::string write_temp(const std::string& name, const std::string& text) {
    const auto dir = std::filesystem::temp_directory_path() / "supplysim_calibration_tests";
    std::filesystem::create_directories(dir);
    const auto p = (dir / name).string();
    std::ofstream(p) << text;
    return p;
}

std::string small_base() { return src + "/tests/data/small.yaml"; }
}  // namespace

TEST_CASE("the recovery calibration file parses") {
    const auto spec = parse_calibration_file(src + "/tests/calibration/small_recovery.yaml");
    CHECK(spec.parameters.size() == 2);
    CHECK(spec.targets.size() == 5);
    CHECK(spec.method.kind == MethodKind::abc_smc);
    CHECK(spec.targets[0].dimension == "country");
    CHECK(spec.targets[0].value == "north");
    CHECK(spec.targets[0].from.str() == "2020-01");
}

TEST_CASE("the shipped calibration files parse") {
    for (const auto& entry : std::filesystem::directory_iterator(src + "/scenarios/calibration")) {
        const auto name = entry.path().filename().string();
        if (entry.path().extension() != ".yaml" || name.find("calibrated") != std::string::npos) continue;
        INFO(name);
        const auto spec = parse_calibration_file(entry.path().string());
        CHECK(!spec.targets.empty());
        for (const auto& t : spec.targets) CHECK(!t.source.empty());
    }
}

TEST_CASE("calibration file errors name the line and the key") {
    const std::string head = "base: " + small_base() + "\nparameters:\n  - {path: parameters.compliance.base_logit, min: -1, max: 1}\n";
    SECTION("unknown indicator, found when the targets are resolved") {
        const auto p = write_temp("bad_indicator.yaml", head + "targets:\n  - {indicator: no_such, month: 2020-01, value: 0.5, se: 0.1, source: x}\n");
        const auto spec = parse_calibration_file(p);
        REQUIRE_THROWS_WITH(Evaluator(spec), Catch::Contains("no indicator \"no_such\"") && Catch::Contains(":5:"));
    }
    SECTION("missing se") {
        const auto p = write_temp("no_se.yaml", head + "targets:\n  - {indicator: informal_share, month: 2020-01, value: 0.5, source: x}\n");
        REQUIRE_THROWS_WITH(parse_calibration_file(p), Catch::Contains("se"));
    }
    SECTION("window outside the period") {
        const auto p = write_temp("late.yaml", head + "targets:\n  - {indicator: informal_share, month: 2031-01, value: 0.5, se: 0.1, source: x}\n");
        REQUIRE_THROWS_WITH(Evaluator(parse_calibration_file(p)), Catch::Contains("outside the simulated period"));
    }
    SECTION("unknown group") {
        const auto p = write_temp("group.yaml", head + "targets:\n  - {indicator: informal_share, group: country=atlantis, month: 2020-01, value: 0.5, se: 0.1, source: x}\n");
        REQUIRE_THROWS_WITH(Evaluator(parse_calibration_file(p)), Catch::Contains("north"));
    }
    SECTION("a free key that is not in the scenario") {
        const auto p = write_temp("key.yaml", "base: " + small_base() +
                                                  "\nparameters:\n  - {path: parameters.compliance.no_such_weight, min: 0, max: 1}\n"
                                                  "targets:\n  - {indicator: informal_share, month: 2020-01, value: 0.5, se: 0.1, source: x}\n");
        REQUIRE_THROWS_AS(Evaluator(parse_calibration_file(p)), InputError);
    }
    SECTION("misspelt key") {
        const auto p = write_temp("typo.yaml", head + "targets:\n  - {indicator: informal_share, month: 2020-01, value: 0.5, se: 0.1, source: x}\nmethod: {kind: abc_smc, particle: 3}\n");
        REQUIRE_THROWS_WITH(parse_calibration_file(p), Catch::Contains("particle"));
    }
}

TEST_CASE("priors: support and density") {
    Prior u;
    u.min = 0, u.max = 2;
    CHECK(u.density(1) == Approx(0.5));
    CHECK(u.density(3) == 0);
    Prior n;
    n.kind = PriorKind::normal, n.mean = 1, n.sd = 2, n.min = 0;
    CHECK(n.density(-0.1) == 0);
    CHECK(n.density(1) > n.density(3));
    CHECK(n.box_upper() == Approx(9));
    Prior l;
    l.kind = PriorKind::lognormal, l.mean = 0, l.sd = 1;
    CHECK(l.lower() == 0);
    CHECK(l.density(1) == Approx(1 / std::sqrt(2 * 3.14159265358979)));
}

TEST_CASE("weighted summaries") {
    const std::vector<std::vector<double>> theta = {{0}, {1}, {2}, {3}};
    const auto s = summarise(theta, {1, 1, 1, 1});
    CHECK(s.mean[0] == Approx(1.5));
    CHECK(s.sd[0] == Approx(std::sqrt(1.25)));
    CHECK(s.q50[0] == Approx(1.5));
    const auto w = summarise(theta, {0, 0, 0, 1});
    CHECK(w.mean[0] == Approx(3));
}
