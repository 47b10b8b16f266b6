// Lever `grievance_mechanism`: see docs/model/interventions.md#grievance_mechanism for the mechanism and the documented direction.
#include "lever_support.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

TEST_CASE("grievance_mechanism: remedies raise compliance in areas with victims", "[levers][grievance_mechanism][integration]") {
    const auto with = run(world(R"(
interventions:
  - {type: grievance_mechanism, start: 2019-01, access: 1.0, claim_rate: 0.1}
)"));
    CHECK_RAISES(effect(with, baseline(), "compliance.wages"));
    CHECK_RAISES(effect(with, baseline(), "compliance.osh"));
}
