// Lever `score`: see docs/model/interventions.md#score for the mechanism and the documented direction.
#include "lever_support.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

TEST_CASE("score: SME training raises compliance and programme coverage among SMEs", "[levers][score][integration]") {
    const auto with = run(world(R"(
interventions:
  - {type: score, start: 2019-01, enrolment_per_year: 0.8, uptake: 1.0, cost_share: 0}
)"));
    const auto& base = baseline();
    CHECK(effect(with, base, "programme_coverage", "tier", "tier2").mean > 0.2);
    CHECK_RAISES(effect(with, base, "compliance.osh", "tier", "tier2"));
    CHECK_RAISES(effect(with, base, "compliance.freedom_of_association", "tier", "tier2"));
}

TEST_CASE("score: a higher cost share lowers uptake", "[levers][score][integration]") {
    const auto free = run(world("interventions:\n  - {type: score, start: 2019-01, enrolment_per_year: 0.5, cost_share: 0}\n"));
    const auto paid = run(world("interventions:\n  - {type: score, start: 2019-01, enrolment_per_year: 0.5, cost_share: 1}\n"));
    CHECK_RAISES(effect(free, paid, "programme_coverage"));
}

TEST_CASE("symapro: productivity modules raise compliance on working time", "[levers][symapro][integration]") {
    const auto with = run(world("interventions:\n  - {type: symapro, start: 2019-01, enrolment_per_year: 0.8, uptake: 1}\n"));
    CHECK_RAISES(effect(with, baseline(), "compliance.working_time", "tier", "tier2"));
}
