// The command line as users meet it: exit codes, messages, and no output on bad input.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {
struct Result {
    int code;
    std::string output;
};
Result run(const std::string& args) {
    const std::string cmd = std::string(SUPPLYSIM_BINARY) + " " + args + " 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");
    std::string out;
    std::array<char, 4096> buf;
    while (auto n = fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}
}  // namespace

TEST_CASE("run on a bad scenario exits 2 with file:line:column and writes nothing", "[cli][integration][sanitizer][threads]") {
    const fs::path dir = fs::temp_directory_path() / ("supplysim-cli-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path bad = dir / "bad.yaml";
    std::ofstream(bad) << "extends: " << supplysim::test::source_path("tests/data/small.yaml") << "\nreplicates: many\n";
    const fs::path out = dir / "out.h5";
    const auto r = run("run " + bad.string() + " -o " + out.string());
    CHECK(r.code == 2);
    CHECK_THAT(r.output, Catch::Contains(bad.string() + ":2:13: 'replicates': expected a whole number from 1 to 100000, got \"many\""));
    CHECK_FALSE(fs::exists(out));
    CHECK_FALSE(fs::exists(out.string() + ".partial"));
    const auto v = run("validate " + bad.string());
    CHECK(v.code == 2);
    fs::remove_all(dir);
}

TEST_CASE("validate refuses buyers relying on Better Work reports that are never made", "[cli][integration]") {
    const fs::path dir = fs::temp_directory_path() / ("supplysim-cli-bw-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path bad = dir / "bad.yaml";
    std::ofstream(bad) << "extends: " << supplysim::test::source_path("tests/data/small.yaml") << "\n"
                       << "interventions:\n  - type: better_work\n    start: 2019-01\n    assessments_per_year: 0\n"
                       << "    buyers_rely_on_reports: true\n";
    const auto v = run("validate " + bad.string());
    CHECK(v.code == 2);
    CHECK_THAT(v.output, Catch::Contains(bad.string() + ":6:29: 'interventions[0].buyers_rely_on_reports': buyers cannot rely on "
                                         "Better Work reports when assessments_per_year is 0 (no reports are made); set "
                                         "assessments_per_year above 0 or buyers_rely_on_reports: false"));
    fs::remove_all(dir);
}

TEST_CASE("validate, indicators and info answer as documented", "[cli][integration][sanitizer]") {
    const auto ok = run("validate " + supplysim::test::source_path("scenarios/baseline.yaml"));
    CHECK(ok.code == 0);
    CHECK_THAT(ok.output, Catch::Contains("ok (baseline: 3 countries, 2 sectors, 4 tiers, 120000 workers, 168 months)"));
    const auto cat = run("indicators");
    CHECK(cat.code == 0);
    CHECK_THAT(cat.output, Catch::Contains("compliance.osh") && Catch::Contains("disaggregations: all, country, sector, tier, gender"));
    CHECK(run("frobnicate").code == 2);
    CHECK(run("run").code == 2);
    CHECK(run("info /nonexistent.h5").code == 2);
}

TEST_CASE("sources lists each intervention's lever keys, as text, YAML and CSV", "[cli][integration]") {
    const std::string scenario = supplysim::test::source_path("scenarios/levers/better_work.yaml");
    const auto text = run("sources " + scenario);
    CHECK(text.code == 0);
    CHECK_THAT(text.output, Catch::Contains("interventions in force (lever keys: value, default, status, sources):\n"
                                            "    better_work (interventions[0])\n"
                                            "        enrolment_per_year = 0.25 (default 0.25; assumption; betterwork_assessment)\n"));
    CHECK_THAT(text.output, Catch::Contains("assessments_per_year = 1 (default 1; evidence; betterwork_assessment)"));
    // Lever keys count with the scenario's keys and appear among the assumptions the memo reads.
    CHECK_THAT(text.output, Catch::Contains("relies on 150 parameter keys: 6 backed by published evidence, 0 calibrated, 144 assumptions."));
    CHECK_THAT(text.output, Catch::Contains("\n    interventions[type=better_work].uptake [default]\n"));

    const auto csv = run("sources " + scenario + " --format csv");
    CHECK(csv.code == 0);
    CHECK(csv.output.rfind("key,entry,intervention,value,default,set,status,sources,note\n", 0) == 0);
    CHECK_THAT(csv.output, Catch::Contains("\ninterventions[type=better_work].buyers_rely_on_reports,better_work,0,true,true,true,assumption,"
                                           "nike_audit_load;betterwork_assessment,\"True when assessments_per_year > 0, false otherwise;"));
    CHECK_THAT(csv.output, Catch::Contains("\ncountries[].informality,bangladesh,,"));

    const auto yaml = run("sources " + scenario + " --format yaml");
    CHECK(yaml.code == 0);
    CHECK_THAT(yaml.output, Catch::Contains("interventions:\n  - index: 0\n    type: better_work\n") &&
                                Catch::Contains("      - key: interventions[type=better_work].assessments_per_year\n"
                                                "        value: 1\n        default: 1\n        set: true\n        status: evidence\n"));

    const auto bad = run("sources " + scenario + " --format json");
    CHECK(bad.code == 2);
    CHECK_THAT(bad.output, Catch::Contains("--format must be text, yaml or csv, got \"json\""));
}

TEST_CASE("bad parameter ensembles exit 2 naming file, line, column and field", "[cli][integration][uncertainty]") {
    const fs::path dir = fs::temp_directory_path() / ("supplysim-ensemble-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path not_calibration = dir / "results.h5";
    std::ofstream(not_calibration) << "not HDF5\n";
    const fs::path out = dir / "out.h5";
    const auto check = [&](const std::string& name, const std::string& uncertainty, const std::string& message,
                           const std::string& options = "") {
        const fs::path bad = dir / name;
        std::ofstream(bad) << "extends: " << supplysim::test::source_path("tests/data/small.yaml") << "\n"
                           << "interventions:\n  - {type: ratification, convention: C155, start: 2020-01, lag_months: 3}\n"
                           << uncertainty;
        const auto r = run("run " + bad.string() + " -o " + out.string() + " " + options);
        INFO(r.output);
        CHECK(r.code == 2);
        CHECK_THAT(r.output, Catch::Contains(message.empty() ? "" : bad.string() + message));
        CHECK_FALSE(fs::exists(out));
        CHECK_FALSE(fs::exists(out.string() + ".partial"));
    };
    check("not_calibration.yaml", "uncertainty: {posterior: results.h5, draws: 2}\n",
          ":4:26: 'uncertainty.posterior': \"" + not_calibration.string() + "\" is not a calibration output (not an HDF5 file)");
    check("unknown_key.yaml", "uncertainty:\n  draws: 2\n  ranges: {interventions.0.law_gian: [0.1, 0.5]}\n",
          ":6:12: 'interventions[0].law_gian': unknown key; did you mean \"law_gain\"?");
    check("low_above_high.yaml", "uncertainty:\n  draws: 2\n  ranges:\n    countries.north.rule_of_law: [0.8, 0.2]\n",
          ":7:34: 'uncertainty.ranges.countries.north.rule_of_law': low 0.8 is greater than high 0.2");
    check("low_above_high_map.yaml", "uncertainty:\n  draws: 2\n  ranges:\n    interventions.0.law_gain: {low: 0.8, high: 0.2}\n",
          ":7:48: 'uncertainty.ranges.interventions.0.law_gain.high': low 0.8 is greater than high 0.2");
    check("no_draws.yaml", "uncertainty: {draws: 0, ranges: {countries.north.rule_of_law: [0.1, 0.5]}}\n",
          ":4:22: 'uncertainty.draws': value 0 is out of range: expected a whole number from 1 to 1000000");
    check("draws_option.yaml", "uncertainty: {draws: 3, ranges: {countries.north.rule_of_law: [0.1, 0.5]}}\n", "", "--draws 0");
    CHECK_THAT(run("run " + (dir / "draws_option.yaml").string() + " -o " + out.string() + " --draws 0").output,
               Catch::Contains("supplysim: --draws must be from 1 to 1000000, got 0"));
    fs::remove_all(dir);
}

TEST_CASE("an ensemble run writes its draws and info shows them", "[cli][integration][uncertainty]") {
    const fs::path dir = fs::temp_directory_path() / ("supplysim-ensemble-ok-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path scenario = dir / "ensemble.yaml", out = dir / "ensemble.h5";
    std::ofstream(scenario) << "extends: " << supplysim::test::source_path("tests/data/small.yaml") << "\n"
                            << "end: 2019-06\nuncertainty: {draws: 3, replicates_per_draw: 2, ranges: {countries.north.rule_of_law: [0.1, 0.5]}}\n";
    const auto r = run("run " + scenario.string() + " -o " + out.string() + " -q");
    REQUIRE(r.code == 0);
    const auto info = run("info " + out.string());
    CHECK(info.code == 0);
    CHECK_THAT(info.output, Catch::Contains("parameter ensemble (/uncertainty): 3 draws, 2 replicates per draw") &&
                                Catch::Contains("countries.north.rule_of_law") && Catch::Contains("range"));
    CHECK_THAT(info.output, Catch::Contains("replicates:      6"));
    fs::remove_all(dir);
}

TEST_CASE("an ensemble scenario runs once with --no-uncertainty, and sweeps refuse it as a base", "[cli][integration][uncertainty]") {
    const fs::path dir = fs::temp_directory_path() / ("supplysim-ensemble-plain-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path scenario = dir / "ensemble.yaml", out = dir / "plain.h5", sweep = dir / "sweep.yaml";
    std::ofstream(scenario) << "extends: " << supplysim::test::source_path("tests/data/small.yaml") << "\n"
                            << "end: 2019-03\nuncertainty: {draws: 3, ranges: {countries.north.rule_of_law: [0.1, 0.5]}}\n";
    REQUIRE(run("run " + scenario.string() + " -o " + out.string() + " -q --no-uncertainty --replicates 2").code == 0);
    const auto info = run("info " + out.string());
    CHECK_THAT(info.output, Catch::Contains("replicates:      2"));
    CHECK_THAT(info.output, !Catch::Contains("parameter ensemble"));
    std::ofstream(sweep) << "base: ensemble.yaml\nparameters:\n  - {path: seed, values: [1, 2]}\n";
    const auto r = run("sweep " + sweep.string() + " -o " + (dir / "sweep.h5").string());
    CHECK(r.code == 2);
    CHECK_THAT(r.output, Catch::Contains(scenario.string() + ":3:1: 'uncertainty': `supplysim sweep` runs the base scenario's own "
                                                             "parameter values; parameter ensembles are for `supplysim run`"));
    fs::remove_all(dir);
}
