// Lever `joint_liability`: see docs/model/interventions.md#joint_liability for the mechanism and the documented direction.
#include "lever_support.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

TEST_CASE("joint_liability: liability for lower tiers raises their compliance more than due diligence", "[levers][joint_liability][integration]") {
    const auto liability = run(world(R"(
interventions:
  - {type: joint_liability, start: 2019-01}
)"));
    const auto diligence = run(world(R"(
interventions:
  - {type: due_diligence, start: 2019-01}
)"));
    const auto& base = baseline();
    CHECK_RAISES(effect(liability, base, "compliance.wages", "tier", "tier2"));
    CHECK_LOWERS(effect(liability, base, "subcontracted_share"));
    CHECK_LOWERS(effect(liability, diligence, "subcontracted_share"));
    CHECK_RAISES(effect(liability, diligence, "compliance.wages", "tier", "tier2"));
}
