// Disaggregation groups: crossed dimensions ("country*gender") and their checks.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "input/output_dimensions.hpp"
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
