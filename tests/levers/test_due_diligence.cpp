// Lever `due_diligence`: see docs/model/interventions.md#due_diligence for the mechanism and the documented direction.
#include "lever_support.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

TEST_CASE("due_diligence: buyers monitoring lower tiers raise compliance there and cut subcontracting", "[levers][due_diligence][integration]") {
    const auto with = run(world(R"(
interventions:
  - {type: due_diligence, start: 2019-01, audit_reach_lower_tiers: 0.8, lower_tier_cost_months: 6}
)"));
    const auto& base = baseline();
    CHECK_LOWERS(effect(with, base, "subcontracted_share"));
    CHECK_RAISES(effect(with, base, "compliance.osh", "tier", "tier2"));
    CHECK_RAISES(effect(with, base, "compliance.wages", "tier", "subcontractor"));
}
