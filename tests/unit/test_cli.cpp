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
