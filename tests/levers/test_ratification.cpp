// Lever `ratification`: after the implementation lag, law and enforcement in the matching area strengthen.
#include "lever_support.hpp"

#include "supplysim/model/policy.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

TEST_CASE("ratification: C138 reduces child labour after the lag", "[levers][ratification][integration]") {
    // Child labour is rare in the test world, so this test runs more replicates.
    const auto base = run(world("replicates: 10\n"));
    const auto with = run(world(R"(
replicates: 10
interventions:
  - {type: ratification, convention: C138, start: 2019-01, lag_months: 0, law_gain: 1.0, enforcement_gain: 1.0}
)"));
    CHECK_RAISES(effect(with, base, "compliance.child_labour", "all", "", 6));
    CHECK_LOWERS(effect(with, base, "child_labour", "all", "", 6));
}

TEST_CASE("ratification: C87 raises union density", "[levers][ratification][integration]") {
    const auto with = run(world(R"(
interventions:
  - {type: ratification, convention: C87, where: {countries: [south]}, start: 2019-01, lag_months: 0, law_gain: 0.8, union_gain: 2.0}
)"));
    CHECK_RAISES(effect(with, baseline(), "compliance.freedom_of_association", "country", "south"));
    CHECK_RAISES(effect(with, baseline(), "union_density", "country", "south"));
}

TEST_CASE("ratification: nothing happens before the lag ends, and only in the named area", "[levers][ratification]") {
    const auto s = world(R"(
interventions:
  - {type: ratification, convention: C155, where: {countries: [south]}, start: 2019-03, lag_months: 6}
)");
    const auto base = s.countries[1].law_strength;
    CHECK(policy_for_month(s, 7).countries[1].law_strength == base);
    const auto after = policy_for_month(s, 8).countries[1].law_strength;
    CHECK(after[index(Area::osh)] > base[index(Area::osh)]);
    for (std::size_t a = 1; a < area_count; ++a) CHECK(after[a] == base[a]);
    CHECK(policy_for_month(s, 8).countries[0].law_strength == s.countries[0].law_strength);
}

TEST_CASE("ratification: C144 speeds up the ramps of other levers", "[levers][ratification]") {
    const std::string lever = R"(
  - {type: inspection, where: {countries: [south]}, start: 2019-01, ramp: linear, ramp_months: 12, inspectors_per_10k_workers: 2.2}
)";
    const auto plain = world("interventions:\n" + lever);
    const auto fast = world("interventions:\n" + lever + "  - {type: ratification, convention: C144, where: {countries: [south]}, start: 2019-01, lag_months: 0}\n");
    const double slow_level = policy_for_month(plain, 5).countries[1].inspectorate.inspectors_per_10k_workers;
    const double fast_level = policy_for_month(fast, 5).countries[1].inspectorate.inspectors_per_10k_workers;
    CHECK(fast_level > slow_level);
    CHECK(policy_for_month(fast, 23).countries[1].inspectorate.inspectors_per_10k_workers == Approx(2.2));
}
