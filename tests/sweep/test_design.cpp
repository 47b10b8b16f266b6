// Sweep designs and sweep files: the Sobol sequence against a reference from SciPy, the Saltelli
// layout the analysis package expects, Latin hypercube strata, grids, key paths and validation.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "supplysim/input/scenario_loader.hpp"
#include "supplysim/input/sweep_file.hpp"
#include "supplysim/runs/sweep/design.hpp"
#include "supplysim/runs/sweep/sweep_plan.hpp"

using namespace supplysim;
using namespace supplysim::sweep;

namespace {

std::string source(const std::string& rel) { return std::string(SUPPLYSIM_SOURCE_DIR) + "/" + rel; }

Matrix read_reference() {
    std::ifstream in(source("tests/sweep/data/sobol_reference.txt"));
    Matrix m;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream s(line);
        std::vector<double> row;
        for (double x; s >> x;) row.push_back(x);
        m.push_back(row);
    }
    return m;
}

std::string write_temp(const std::string& name, const std::string& text) {
    const auto dir = std::filesystem::temp_directory_path() / "supplysim_sweep_tests";
    std::filesystem::create_directories(dir);
    const auto path = (dir / name).string();
    std::ofstream(path) << text;
    return path;
}

std::string small_base() { return "base: " + source("tests/data/small.yaml") + "\n"; }

}  // namespace

TEST_CASE("Sobol points match SciPy's unscrambled sequence (Joe-Kuo direction numbers)", "[sweep][design]") {
    const Matrix ref = read_reference();
    REQUIRE(ref.size() == 32);
    const Matrix got = sobol_points(32, 12);
    for (std::size_t i = 0; i < ref.size(); ++i)
        for (std::size_t j = 0; j < 12; ++j) REQUIRE(got[i][j] == ref[i][j]);  // exact: dyadic rationals
}

TEST_CASE("Saltelli sample: A, B, then AB_i = A with column i from B", "[sweep][design]") {
    const int n = 8, k = 3;
    const Matrix base = sobol_points(n, 2 * k);
    const Matrix s = saltelli_sample(n, k);
    REQUIRE(s.size() == std::size_t(n * (k + 2)));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < k; ++j) {
            CHECK(s[i][j] == base[i][j]);
            CHECK(s[n + i][j] == base[i][k + j]);
            for (int b = 0; b < k; ++b) CHECK(s[(2 + b) * n + i][j] == (j == b ? base[i][k + j] : base[i][j]));
        }
}

TEST_CASE("Latin hypercube has one point per stratum in every column and depends only on the seed", "[sweep][design]") {
    const Matrix a = latin_hypercube(50, 4, 7), b = latin_hypercube(50, 4, 7), c = latin_hypercube(50, 4, 8);
    CHECK(a == b);
    CHECK(a != c);
    for (int j = 0; j < 4; ++j) {
        std::set<int> strata;
        for (const auto& row : a) {
            REQUIRE(row[j] >= 0.0);
            REQUIRE(row[j] < 1.0);
            strata.insert(int(row[j] * 50));
        }
        CHECK(strata.size() == 50);
    }
}

TEST_CASE("grid: every combination, first parameter slowest", "[sweep][design]") {
    const auto g = grid_indices({2, 3});
    REQUIRE(g.size() == 6);
    CHECK(g[0] == std::vector<int>{0, 0});
    CHECK(g[1] == std::vector<int>{0, 1});
    CHECK(g[3] == std::vector<int>{1, 0});
    CHECK(g[5] == std::vector<int>{1, 2});
}

TEST_CASE("sweep file: plan, values and the Saltelli run count", "[sweep][file]") {
    const auto plan = make_plan(parse_sweep_file(source("tests/sweep/data/sobol.yaml")));
    CHECK(plan.runs() == 4 * (3 + 2));
    CHECK(plan.replicates == 1);
    // Run 0 is the first Sobol point (0.5 in every dimension) mapped onto each range.
    CHECK(plan.codes[0][0] == Approx(1 + 0.5 * 47));
    CHECK(plan.codes[0][1] == Approx(0.5));
    // Run r's scenario differs from the base only in the swept keys; the seed is the base's (CRN).
    const Scenario s = scenario_for_run(plan, 7);
    CHECK(s.seed == plan.base.seed);
    CHECK(s.countries[1].inspectorate.sanction_months == plan.codes[7][0]);
    CHECK(s.buyers[0].price_pressure == plan.codes[7][2]);
    // The hash is a pure function of the sweep: parsing again gives the same plan.
    CHECK(make_plan(parse_sweep_file(source("tests/sweep/data/sobol.yaml"))).hash == plan.hash);
}

TEST_CASE("grid sweep with words, months and ranges", "[sweep][file]") {
    const auto path = write_temp("mixed.yaml", small_base() +
                                                   "parameters:\n"
                                                   "  - path: countries.south.inspectorate.targeting\n"
                                                   "    values: [random, complaint_driven]\n"
                                                   "  - path: countries.north.inspectorate.follow_up_delay_months\n"
                                                   "    min: 1\n    max: 5\n    steps: 3\n    integer: true\n");
    const auto plan = make_plan(parse_sweep_file(path));
    REQUIRE(plan.runs() == 6);
    CHECK(plan.value_text(1, 1) == "3");
    CHECK(plan.value_text(5, 0) == "complaint_driven");
    CHECK(plan.codes[5][0] == 1);  // words are coded by their position in the list
    CHECK(scenario_for_run(plan, 5).countries[1].inspectorate.targeting == Targeting::complaint_driven);
}

TEST_CASE("sweep errors name the sweep file, line and parameter", "[sweep][file]") {
    SECTION("a key the scenario does not have") {
        const auto path = write_temp("unknown.yaml", small_base() + "parameters:\n  - path: countries.south.inspectorate.inspectors\n    values: [1, 2]\n");
        try {
            make_plan(parse_sweep_file(path));
            FAIL("no error");
        } catch (const InputError& e) {
            const std::string msg = e.what();
            CHECK(msg.find(path + ":3:11") != std::string::npos);
            CHECK(msg.find("countries.south.inspectorate.inspectors") != std::string::npos);
            CHECK(msg.find("unknown key") != std::string::npos);
        }
    }
    SECTION("an entry name that does not exist") {
        const auto path = write_temp("noname.yaml", small_base() + "parameters:\n  - path: countries.sout.rule_of_law\n    values: [0.1, 0.2]\n");
        CHECK_THROWS_WITH(make_plan(parse_sweep_file(path)), Catch::Contains("did you mean \"south\""));
    }
    SECTION("a value out of the scenario's range") {
        const auto path = write_temp("range.yaml", small_base() + "parameters:\n  - path: countries.south.rule_of_law\n    values: [0.5, 1.5]\n");
        CHECK_THROWS_WITH(make_plan(parse_sweep_file(path)), Catch::Contains("run 1") && Catch::Contains("out of range"));
    }
    SECTION("a range in a grid without steps") {
        const auto path = write_temp("steps.yaml", small_base() + "parameters:\n  - path: countries.south.rule_of_law\n    min: 0.1\n    max: 0.9\n");
        CHECK_THROWS_WITH(parse_sweep_file(path), Catch::Contains("steps"));
    }
    SECTION("a misspelt sweep key") {
        const auto path = write_temp("typo.yaml", small_base() + "desing: lhs\nparameters:\n  - path: seed\n    values: [1, 2]\n");
        CHECK_THROWS_WITH(parse_sweep_file(path), Catch::Contains("did you mean \"design\""));
    }
    SECTION("a parameter that changes the calendar") {
        const auto path = write_temp("calendar.yaml", small_base() + "parameters:\n  - path: end\n    values: [2020-06, 2020-12]\n");
        CHECK_THROWS_WITH(make_plan(parse_sweep_file(path)), Catch::Contains("calendar"));
    }
}
