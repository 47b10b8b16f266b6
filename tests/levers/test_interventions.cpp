// The common shape of interventions: ramps, order independence, the schema's errors, assessments.
#include "lever_support.hpp"

#include <hdf5.h>

#include <cstdio>
#include <cstring>

#include "supplysim/input/levers/registry.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/output/result_file.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

TEST_CASE("interventions: ramps rise from 0 to 1 over ramp_months", "[levers][interventions]") {
    When w;
    w.start = 3;
    w.end = 30;
    w.ramp_months = 10;
    w.ramp = Ramp::step;
    CHECK(w.level(-1) == 0);
    CHECK(w.level(2) == 0);
    CHECK(w.level(3) == 1);
    CHECK(w.level(30) == 1);
    CHECK(w.level(31) == 0);
    w.ramp = Ramp::linear;
    CHECK(w.level(3) == Approx(0.1));
    CHECK(w.level(7) == Approx(0.5));
    CHECK(w.level(12) == 1);
    w.ramp = Ramp::logistic;
    double last = 0;
    for (int m = 3; m <= 12; ++m) {
        CHECK(w.level(m) > last);
        last = w.level(m);
    }
    CHECK(w.level(12) == 1);
    CHECK(w.level(5) < 0.5);
    CHECK(w.level(10) > 0.5);
    w.lag_months = 4;
    CHECK(w.level(6) == 0);
    CHECK(w.level(7) > 0);
    CHECK(w.level(5, 2.0) == 0);  // the lag is not shortened by faster uptake
}

TEST_CASE("interventions: the order of the list does not change the result", "[levers][interventions][integration]") {
    const std::vector<std::string> items = {
        "  - {type: inspection, where: {countries: [south]}, start: 2019-02, inspectors_per_10k_workers: 1.5, ramp: linear, ramp_months: 6}\n",
        "  - {type: inspection, where: {countries: [south, north]}, start: 2019-04, sanction_months: 40}\n",
        "  - {type: better_work, where: {countries: [south]}, start: 2019-01, enrolment_per_year: 0.6}\n",
        "  - {type: score, start: 2019-03, enrolment_per_year: 0.4}\n",
        "  - {type: purchasing_practices, where: {buyers: [apparel]}, start: 2019-06, price_pressure_change: -0.3}\n",
        "  - {type: joint_liability, start: 2019-05}\n",
        "  - {type: ifa, where: {buyers: [devices]}, start: 2019-01}\n",
        "  - {type: ratification, convention: C144, where: {countries: [south]}, start: 2019-01, lag_months: 2}\n",
        "  - {type: formalization, where: {countries: [south]}, start: 2019-02}\n",
    };
    auto scenario = [&](const std::vector<int>& order) {
        std::string y = "replicates: 2\ninterventions:\n";
        for (int i : order) y += items[std::size_t(i)];
        return world(y);
    };
    const auto a = run(scenario({0, 1, 2, 3, 4, 5, 6, 7, 8}));
    const auto b = run(scenario({8, 3, 6, 1, 0, 7, 2, 5, 4}));
    const auto c = run(scenario({4, 5, 2, 7, 0, 1, 6, 3, 8}));
    REQUIRE(a.runs.size() == 2);
    for (std::size_t r = 0; r < a.runs.size(); ++r) {
        CHECK(a.runs[r].values == b.runs[r].values);
        CHECK(a.runs[r].values == c.runs[r].values);
    }
    // And the interventions changed something.
    CHECK(a.runs[0].values != baseline().runs[0].values);
}

TEST_CASE("interventions: a scenario without interventions is unchanged by the machinery", "[levers][interventions]") {
    const auto s = world();
    CHECK(s.interventions.empty());
    const auto p = policy_for_month(s, 5);
    CHECK(p.countries[1].inspectorate.inspectors_per_10k_workers == s.countries[1].inspectorate.inspectors_per_10k_workers);
    // An intervention outside its window leaves the policy at the baseline.
    const auto t = world("interventions:\n  - {type: inspection, start: 2020-01, end: 2020-06, inspectors_per_10k_workers: 5}\n");
    CHECK(policy_for_month(t, 11).countries[1].inspectorate.inspectors_per_10k_workers == s.countries[1].inspectorate.inspectors_per_10k_workers);
    CHECK(policy_for_month(t, 12).countries[1].inspectorate.inspectors_per_10k_workers == 5);
    CHECK(policy_for_month(t, 18).countries[1].inspectorate.inspectors_per_10k_workers == s.countries[1].inspectorate.inspectors_per_10k_workers);
    CHECK(policy_for_month(t, -3).countries[1].inspectorate.inspectors_per_10k_workers == s.countries[1].inspectorate.inspectors_per_10k_workers);
}

TEST_CASE("interventions: effects combine by adding deltas from the baseline", "[levers][interventions]") {
    const auto s = world(R"(
interventions:
  - {type: purchasing_practices, where: {buyers: [apparel]}, start: 2019-01, price_pressure_change: -0.1}
  - {type: purchasing_practices, where: {buyers: [apparel]}, start: 2019-01, price_pressure_change: -0.2, name: second}
)");
    CHECK(policy_for_month(s, 0).buyers[0].price_pressure == Approx(0.3));
    CHECK(policy_for_month(s, 0).buyers[1].price_pressure == Approx(0.5));
}

TEST_CASE("interventions: schema errors name the file, line and field", "[levers][interventions]") {
    using Catch::Contains;
    auto e = load_error("interventions:\n  - {type: inspecton, start: 2019-01}\n");
    CHECK_THAT(e, Contains("lever.yaml:2:") && Contains("interventions[0].type") && Contains("did you mean \"inspection\""));
    e = load_error("interventions:\n  - {type: inspection, start: 2018-12}\n");
    CHECK_THAT(e, Contains("lever.yaml:2:") && Contains("interventions[0].start") && Contains("outside the scenario horizon"));
    e = load_error("interventions:\n  - {type: inspection, start: 2019-05, end: 2021-01}\n");
    CHECK_THAT(e, Contains("interventions[0].end") && Contains("outside the scenario horizon"));
    e = load_error("interventions:\n  - {type: inspection, start: 2019-05, end: 2019-04}\n");
    CHECK_THAT(e, Contains("interventions[0].end") && Contains("before the start"));
    e = load_error("interventions:\n  - {type: inspection}\n");
    CHECK_THAT(e, Contains("interventions[0].start") && Contains("missing required key"));
    e = load_error("interventions:\n  - {start: 2019-01}\n");
    CHECK_THAT(e, Contains("interventions[0].type") && Contains("missing required key"));
    e = load_error("interventions:\n  - {type: inspection, start: 2019-01, gender_trainng: 1}\n");
    CHECK_THAT(e, Contains("interventions[0].gender_trainng") && Contains("gender_training"));
    e = load_error("interventions:\n  - {type: better_work, start: 2019-01, where: {countries: [sout]}}\n");
    CHECK_THAT(e, Contains("interventions[0].where.countries[0]") && Contains("did you mean \"south\""));
    e = load_error("interventions:\n  - {type: ratification, convention: C999, start: 2019-01}\n");
    CHECK_THAT(e, Contains("interventions[0].convention"));
    e = load_error("interventions:\n  - {type: ratification, convention: C87, start: 2020-06, lag_months: 24}\n");
    CHECK_THAT(e, Contains("interventions[0].lag_months") && Contains("after the end of the horizon"));
    e = load_error("interventions:\n  - {type: inspection, start: 2019-01, reach: {tiers: [1, 1]}}\n");
    CHECK_THAT(e, Contains("interventions[0].reach.tiers") && Contains("expected 3 numbers"));
    e = load_error("interventions:\n  - {type: better_work, start: 2019-01, enrolment_per_year: 2}\n");
    CHECK_THAT(e, Contains("interventions[0].enrolment_per_year"));
    e = load_error("interventions:\n  - {type: inspection, start: 2019-01, ramp: sudden}\n");
    CHECK_THAT(e, Contains("interventions[0].ramp") && Contains("step"));
}

TEST_CASE("interventions: every type can be read with its defaults", "[levers][interventions]") {
    for (const auto& t : lever_types()) {
        std::string extra;
        if (t.type == "ratification") extra = ", convention: C87, lag_months: 1";
        if (t.type == "ifa" || t.type == "ppp_funding") extra = ", where: {buyers: [apparel]}";
        if (t.type == "sector_programme") extra = ", where: {sectors: [garment]}";
        INFO(t.type);
        const auto s = world("interventions:\n  - {type: " + t.type + ", start: 2019-01" + extra + "}\n");
        REQUIRE(s.interventions.size() == 1);
        CHECK(s.interventions[0].type == t.type);
        CHECK(s.resolved_yaml.find("type: " + t.type) != std::string::npos);
        // The resolved scenario reads back to the same intervention.
        const auto again = resolve_scenario(parse_config_text(s.resolved_yaml, "resolved.yaml"), "resolved.yaml");
        CHECK(again.interventions.size() == 1);
    }
}

TEST_CASE("assessments: named dates inside the horizon, in date order", "[levers][interventions][sanitizer]") {
    const auto s = world("assessments:\n  - {name: final, date: 2020-12}\n  - {name: mid_term, date: 2020-06}\n");
    REQUIRE(s.assessments.size() == 2);
    CHECK(s.assessments[0].name == "mid_term");
    CHECK(s.assessments[1].date == YearMonth{2020, 12});
    CHECK_THAT(load_error("assessments:\n  - {name: final, date: 2022-12}\n"),
               Catch::Contains("assessments[0].date") && Catch::Contains("outside the scenario horizon"));
    CHECK_THAT(load_error("assessments:\n  - {name: a, date: 2020-01}\n  - {name: a, date: 2020-02}\n"),
               Catch::Contains("duplicate assessment name"));
}

TEST_CASE("assessments: written to the result file as a root attribute", "[levers][interventions][hdf5][sanitizer]") {
    const auto s = world("replicates: 1\nassessments:\n  - {name: mid_term, date: 2020-06}\n  - {name: final, date: 2020-12}\n");
    const GroupLayout layout(s);
    const std::string path = "levers_assessments_test.h5";
    {
        auto file = ResultFile::create(path, make_header(s, layout, 1, 1, "test"));
        file.write_replicate(0, 0, run_replicates(s, layout, 1)[0]);
        file.mark_run_done(0);
        file.finish();
    }
    hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    REQUIRE(f >= 0);
    hid_t a = H5Aopen(f, "assessments", H5P_DEFAULT);
    REQUIRE(a >= 0);
    hid_t t = H5Aget_type(a);
    std::string value;
    if (H5Tis_variable_str(t) > 0) {
        char* text = nullptr;
        hid_t mem = H5Tcopy(H5T_C_S1);
        H5Tset_size(mem, H5T_VARIABLE);
        H5Aread(a, mem, &text);
        value = text ? text : "";
        H5free_memory(text);
        H5Tclose(mem);
    } else {
        std::vector<char> buf(H5Tget_size(t) + 1, 0);
        H5Aread(a, t, buf.data());
        value = buf.data();
    }
    H5Tclose(t);
    H5Aclose(a);
    H5Fclose(f);
    std::remove(path.c_str());
    CHECK(value == "mid_term=2020-06;final=2020-12");
}

TEST_CASE("assessments: the /assessments table holds every indicator at the assessment months", "[levers][interventions][hdf5][sanitizer]") {
    const auto s = world("replicates: 2\nassessments:\n  - {name: mid_term, date: 2020-06}\n  - {name: final, date: 2020-12}\n");
    const GroupLayout layout(s);
    const std::string path = "levers_assessment_table_test.h5";
    const auto series = run_replicates(s, layout, 2);
    {
        auto file = ResultFile::create(path, make_header(s, layout, 2, 1, "test"));
        for (int r = 0; r < 2; ++r) file.write_replicate(0, r, series[std::size_t(r)]);
        file.mark_run_done(0);
        file.finish();
    }
    CHECK(read_file_summary(path).assessments.size() == 2);
    hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    REQUIRE(f >= 0);
    hid_t m = H5Dopen2(f, "assessments/month", H5P_DEFAULT);
    REQUIRE(m >= 0);
    int months[2] = {-1, -1};
    H5Dread(m, H5T_NATIVE_INT, H5S_ALL, H5S_ALL, H5P_DEFAULT, months);
    H5Dclose(m);
    CHECK(months[0] == YearMonth{2020, 6}.index() - s.start.index());
    CHECK(months[1] == YearMonth{2020, 12}.index() - s.start.index());
    const auto& catalogue = indicator_catalogue();
    const std::size_t groups = std::size_t(series[0].groups), n_months = std::size_t(series[0].months);
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        hid_t ds = H5Dopen2(f, ("assessments/" + catalogue[i].name).c_str(), H5P_DEFAULT);
        REQUIRE(ds >= 0);
        std::vector<double> table(2 * 2 * groups);
        H5Dread(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, table.data());
        H5Dclose(ds);
        for (std::size_t r = 0; r < 2; ++r)
            for (std::size_t a = 0; a < 2; ++a)
                for (std::size_t g = 0; g < groups; ++g) {
                    const double want = series[r].values[(i * n_months + std::size_t(months[a])) * groups + g];
                    const double got = table[(r * 2 + a) * groups + g];
                    // Bit-identical copies (NaN where the group is empty).
                    REQUIRE(std::memcmp(&want, &got, sizeof(double)) == 0);
                }
    }
    H5Fclose(f);
    std::remove(path.c_str());
}
