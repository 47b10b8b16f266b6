#include <catch2/catch.hpp>

#include <numeric>

#include "supplysim/model/policy.hpp"
#include "supplysim/model/population.hpp"
#include "test_support.hpp"

using namespace supplysim;

TEST_CASE("the world has the scenario's workers, sorted by employer within segments", "[population]") {
    const Scenario s = test::small_scenario();
    const World w = build_world(s, policy_for_month(s, 0), CounterRng(s.seed, 0));
    REQUIRE(w.workers.size() == std::size_t(s.total_workers()));
    REQUIRE(w.firms.worker_begin.size() == w.firms.size() + 1);
    CHECK(w.firms.worker_begin.back() == w.workers.size());
    for (std::size_t f = 0; f + 1 < w.firms.size(); ++f) {
        REQUIRE(w.firms.workforce(f) > 0);
        const int seg = w.segments.of(w.firms.country[f], w.firms.sector[f], w.firms.tier[f]);
        const int next = w.segments.of(w.firms.country[f + 1], w.firms.sector[f + 1], w.firms.tier[f + 1]);
        REQUIRE(seg <= next);  // firms (and so workers) are grouped by segment
    }
    // Workers per country follow the scenario.
    std::vector<std::int64_t> per_country(s.countries.size(), 0);
    for (std::size_t f = 0; f < w.firms.size(); ++f) per_country[w.firms.country[f]] += w.firms.workforce(f);
    for (std::size_t c = 0; c < s.countries.size(); ++c) CHECK(per_country[c] == Approx(double(s.countries[c].workers)).margin(3));
}

TEST_CASE("the population follows the scenario's distributions", "[population][sanitizer][threads]") {
    const Scenario s = test::small_with("tiers:\n  - {name: tier1, mean_firm_size: 100}\n");
    const World w = build_world(s, policy_for_month(s, 0), CounterRng(s.seed, 0));
    double women_garment_t1 = 0, garment_t1 = 0, informal_firms_low = 0, firms_low = 0, epz = 0;
    for (std::size_t f = 0; f < w.firms.size(); ++f) {
        if (w.firms.tier[f] == 2) {
            firms_low += 1;
            informal_firms_low += (w.firms.kind[f] & firm_kind::informal) != 0;
        }
        if (w.firms.tier[f] != 0) CHECK((w.firms.kind[f] & firm_kind::epz) == 0);
        epz += (w.firms.kind[f] & firm_kind::epz) != 0;
        if (w.firms.tier[f] != 0 || w.firms.sector[f] != 0) continue;
        for (auto i = w.firms.worker_begin[f]; i < w.firms.worker_begin[f + 1]; ++i) {
            garment_t1 += 1;
            women_garment_t1 += (w.workers.demography[i] & demo::female) != 0;
        }
    }
    CHECK(women_garment_t1 / garment_t1 == Approx(0.8).margin(0.05));
    CHECK(informal_firms_low / firms_low > 0.3);  // informality exposure 1.2 x country informality
    CHECK(epz == 0);                               // no EPZs in the small world
}

TEST_CASE("the same seed and replicate build the same world, another replicate differs", "[population]") {
    const Scenario s = test::small_scenario();
    const World a = build_world(s, policy_for_month(s, 0), CounterRng(s.seed, 0));
    const World b = build_world(s, policy_for_month(s, 0), CounterRng(s.seed, 0));
    const World c = build_world(s, policy_for_month(s, 0), CounterRng(s.seed, 1));
    CHECK(a.workers.demography == b.workers.demography);
    CHECK(a.firms.compliant == b.firms.compliant);
    CHECK(a.workers.demography != c.workers.demography);
}
