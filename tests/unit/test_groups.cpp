// Disaggregation groups: crossed dimensions ("country*gender") and their checks.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "input/output_dimensions.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/population.hpp"
#include "supplysim/runs/experiment.hpp"
#include "test_support.hpp"

using namespace supplysim;

namespace {

int indicator(const std::string& name) {
    const auto& cat = indicator_catalogue();
    for (std::size_t i = 0; i < cat.size(); ++i)
        if (cat[i].name == name) return int(i);
    FAIL("no indicator " << name);
    return -1;
}

// Group index by "dimension=value".
std::map<std::string, int> group_index(const GroupLayout& layout) {
    std::map<std::string, int> out;
    for (int g = 0; g < layout.group_count(); ++g)
        out[layout.groups()[std::size_t(g)].dimension + "=" + layout.groups()[std::size_t(g)].value] = g;
    return out;
}

}  // namespace

TEST_CASE("groups: crossings are written after the single dimensions, components in the order written", "[groups][sanitizer]") {
    const Scenario s = test::small_with("outputs: {dimensions: [tier*gender, country, gender, country*sector*tier]}\n");
    const GroupLayout layout(s);
    const auto& g = layout.groups();
    // all, country (2), gender (2), tier*gender (3 x 2), country*sector*tier (2 x 2 x 3)
    REQUIRE(g.size() == 1 + 2 + 2 + 6 + 12);
    CHECK(g[1].dimension == "country");
    CHECK(g[3].dimension == "gender");
    CHECK(g[5].dimension == "tier*gender");
    CHECK(g[5].value == "tier1*female");
    CHECK(g[6].value == "tier1*male");
    CHECK(g[10].value == "subcontractor*male");
    CHECK(g[11].dimension == "country*sector*tier");
    CHECK(g[11].value == "north*garment*tier1");
    CHECK(g[12].value == "north*garment*tier2");
    CHECK(g[22].value == "south*electronics*subcontractor");
    // No crossing asked for: the groups of before, nothing more.
    const GroupLayout plain(test::small_with("outputs: {dimensions: [country, gender]}\n"));
    CHECK(plain.group_count() == 5);
    CHECK(plain.groups_of_cell(0).size() == 3);
}

TEST_CASE("groups: crossed counts are the sums of their single-dimension parts", "[groups][integration]") {
    const Scenario s = test::small_with(
        "outputs: {dimensions: [country, sector, tier, gender, age_band, migrant, formality, country*gender, "
        "gender*age_band*migrant, country*sector*tier, tier*formality]}\n");
    const GroupLayout layout(s);
    const auto series = run_replicates(s, layout, 1)[0];
    const auto at = group_index(layout);
    const int employment = indicator("employment"), child = indicator("child_labour"), osh = indicator("compliance.osh");
    // Integer counts of a group: employment, child labour, and employed workers in OSH-compliant firms.
    auto counts = [&](int m, int g) {
        const double emp = series.at(employment, m, g);
        const double compliant = emp > 0 ? std::round(series.at(osh, m, g) * emp) : 0.0;
        return std::array<double, 3>{emp, series.at(child, m, g), compliant};
    };
    auto sum_over = [&](int m, const std::string& dimension, const std::string& pattern_value,
                        std::size_t part) {
        // Sum of the crossing's groups whose component `part` equals pattern_value ("" for every group).
        std::array<double, 3> total{0, 0, 0};
        for (int g = 0; g < layout.group_count(); ++g) {
            const auto& grp = layout.groups()[std::size_t(g)];
            if (grp.dimension != dimension) continue;
            if (!pattern_value.empty() && crossing_parts(grp.value)[part] != pattern_value) continue;
            const auto c = counts(m, g);
            for (int k = 0; k < 3; ++k) total[std::size_t(k)] += c[std::size_t(k)];
        }
        return total;
    };
    for (int m : {0, 7, 23}) {
        INFO("month " << m);
        for (const char* crossing : {"country*gender", "gender*age_band*migrant", "country*sector*tier", "tier*formality"}) {
            INFO(crossing);
            CHECK(sum_over(m, crossing, "", 0) == counts(m, 0));  // every crossing adds up to "all"
            const auto parts = crossing_parts(crossing);
            for (std::size_t p = 0; p < parts.size(); ++p)
                for (const auto& value : dimension_values(s, parts[p])) {
                    INFO(parts[p] << "=" << value);
                    CHECK(sum_over(m, crossing, value, p) == counts(m, at.at(parts[p] + "=" + value)));
                }
        }
        CHECK(counts(m, 0)[0] > 0);
        CHECK(counts(m, at.at("country*gender=south*female"))[0] > 0);
    }
    // Asking for crossings leaves the single-dimension values bit for bit as they were.
    const Scenario plain = test::small_with("outputs: {dimensions: [country, sector, tier, gender, age_band, migrant, formality]}\n");
    const GroupLayout plain_layout(plain);
    const auto before = run_replicates(plain, plain_layout, 1)[0];
    for (int i = 0; i < before.indicators; ++i)
        for (int m = 0; m < before.months; ++m)
            for (int g = 0; g < before.groups; ++g) {
                const double a = before.at(i, m, g), b = series.at(i, m, g);
                REQUIRE((std::isnan(a) ? std::isnan(b) : a == b));
            }
}

TEST_CASE("groups: a crossing past the group limit is refused with its count and the limit", "[groups][sanitizer]") {
    Scenario s = test::small_scenario();
    s.countries.resize(20);
    s.sectors.resize(10);
    const std::vector<std::string> entries = {"country", "country*sector*tier", "country*sector"};
    CHECK(dimension_entry_problem(s, entries, 0).empty());
    CHECK(dimension_entry_problem(s, entries, 1).empty());  // 20 x 10 x 3 = 600 groups
    s.tiers.resize(6);
    CHECK(dimension_entry_problem(s, entries, 1) ==
          "crossing \"country*sector*tier\" has 1200 groups (20 x 10 x 6); the limit is 1000 groups per crossing");
    CHECK(dimension_entry_problem(s, entries, 2).empty());  // 200 groups
}

TEST_CASE("groups: cohort years advance once per 12 months from the enrolment month", "[groups][cohorts][sanitizer]") {
    CHECK(years_in_programme(5, 5) == 0);
    CHECK(years_in_programme(5, 16) == 0);
    CHECK(years_in_programme(5, 17) == 1);
    CHECK(years_in_programme(5, 28) == 1);
    CHECK(years_in_programme(5, 29) == 2);
    CHECK(years_in_programme(5, 64) == 4);
    CHECK(years_in_programme(5, 65) == 5);
    CHECK(years_in_programme(5, 400) == 5);
}

TEST_CASE("groups: a firm counts in the programme it joined first, ties in canonical order", "[groups][cohorts][sanitizer]") {
    const Scenario s = test::small_with(
        "interventions:\n"
        "  - {type: better_work, name: bw, start: 2019-01, enrolment_per_year: 0.5}\n"
        "  - {type: score, name: score, start: 2019-01, enrolment_per_year: 0.5}\n"
        "outputs: {dimensions: [programme, years_in_programme]}\n");
    const GroupLayout layout(s);
    REQUIRE(layout.counts_cohorts());
    const auto& g = layout.groups();
    REQUIRE(g.size() == 1 + 3 + 7);
    CHECK(g[1].value == "not_enrolled");
    CHECK(g[2].value == "bw");
    CHECK(g[3].value == "score");
    CHECK(g[4].value == "not_enrolled");
    CHECK(g[5].value == "0");
    CHECK(g[10].value == "5_plus");
    const Policy policy = policy_for_month(s, 0);
    const CounterRng rng(s.seed, 0);
    World w = build_world(s, policy, rng);
    const std::size_t nf = w.firms.size();
    REQUIRE(nf >= 4);
    // Firm 0 never joins; firm 1 joins both in month 10 (bw first in order); firm 2 joins score in
    // month 4 and bw in month 20; firm 3 joins bw in month 40.
    w.programme_joined.assign(2, std::vector<std::int16_t>(nf, -1));
    w.programme_joined[0][1] = 10, w.programme_joined[1][1] = 10;
    w.programme_joined[0][2] = 20, w.programme_joined[1][2] = 4;
    w.programme_joined[0][3] = 40;
    // The groups of firm f's cell for a formal woman aged 25-54 this month, as "dimension=value".
    auto groups_of_firm = [&](std::size_t f, int month) {
        layout.assign_cell_blocks(w, month);
        const auto d = std::uint8_t(demo::female | demo::with_age(0, demo::age_25_54));
        std::vector<std::string> out;
        for (int group : layout.groups_of_cell(GroupLayout::cell_of(int(w.firm_cell_block[f]), d, false)))
            out.push_back(g[std::size_t(group)].dimension + "=" + g[std::size_t(group)].value);
        return out;
    };
    using V = std::vector<std::string>;
    CHECK(groups_of_firm(0, 50) == V{"all=all", "programme=not_enrolled", "years_in_programme=not_enrolled"});
    CHECK(groups_of_firm(1, 9) == V{"all=all", "programme=not_enrolled", "years_in_programme=not_enrolled"});
    CHECK(groups_of_firm(1, 10) == V{"all=all", "programme=bw", "years_in_programme=0"});
    CHECK(groups_of_firm(1, 21) == V{"all=all", "programme=bw", "years_in_programme=0"});
    CHECK(groups_of_firm(1, 22) == V{"all=all", "programme=bw", "years_in_programme=1"});
    CHECK(groups_of_firm(2, 4) == V{"all=all", "programme=score", "years_in_programme=0"});
    CHECK(groups_of_firm(2, 40) == V{"all=all", "programme=score", "years_in_programme=3"});
    CHECK(groups_of_firm(3, 99) == V{"all=all", "programme=bw", "years_in_programme=4"});
    CHECK(groups_of_firm(3, 100) == V{"all=all", "programme=bw", "years_in_programme=5_plus"});
}

TEST_CASE("groups: programme cohorts in a run add up, and year k begins 12 k months after the first enrolment", "[groups][cohorts][integration]") {
    const Scenario s = test::small_with(
        "end: 2025-12\n"
        "interventions:\n"
        "  - {type: better_work, where: {countries: [south]}, start: 2019-03, enrolment_per_year: 0.3}\n"
        "  - {type: score, start: 2020-01, enrolment_per_year: 0.2}\n"
        "outputs: {dimensions: [country, programme, years_in_programme, programme*years_in_programme, country*programme]}\n");
    const GroupLayout layout(s);
    const auto series = run_replicates(s, layout, 1)[0];
    const auto at = group_index(layout);
    const int employment = indicator("employment");
    auto emp = [&](int m, const std::string& group) { return series.at(employment, m, at.at(group)); };
    auto sum_of = [&](int m, const std::string& dimension) {
        double total = 0;
        for (int g = 0; g < layout.group_count(); ++g)
            if (layout.groups()[std::size_t(g)].dimension == dimension) total += series.at(employment, m, g);
        return total;
    };
    for (int m = 0; m < series.months; ++m) {
        INFO("month " << m);
        const double all = emp(m, "all=all");
        CHECK(sum_of(m, "programme") == all);
        CHECK(sum_of(m, "years_in_programme") == all);
        CHECK(sum_of(m, "programme*years_in_programme") == all);
        CHECK(sum_of(m, "country*programme") == all);
        CHECK(emp(m, "programme*years_in_programme=better_work*1") + emp(m, "programme*years_in_programme=score*1") ==
              emp(m, "years_in_programme=1"));
        // Better Work acts in the south only.
        CHECK(emp(m, "country*programme=north*better_work") == 0);
        if (m < 2) CHECK(emp(m, "programme=not_enrolled") == all);  // nothing before the first start
    }
    // The first month with workers in each cohort year: year k starts 12 k months after enrolment starts.
    auto first_month = [&](const std::string& group) {
        for (int m = 0; m < series.months; ++m)
            if (emp(m, group) > 0) return m;
        return -1;
    };
    const int first = first_month("years_in_programme=0");
    CHECK(first == 2);  // Better Work's first month, 2019-03
    CHECK(first_month("years_in_programme=1") == first + 12);
    CHECK(first_month("years_in_programme=4") == first + 48);
    CHECK(first_month("years_in_programme=5_plus") == first + 60);
    const int score = first_month("programme=score");
    CHECK(score >= 12);  // SCORE starts in 2020-01
    CHECK(score < 24);
}
