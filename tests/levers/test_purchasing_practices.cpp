// Lever `purchasing_practices`: see docs/model/interventions.md#purchasing_practices for the mechanism and the documented direction.
#include "lever_support.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

TEST_CASE("purchasing_practices: less price pressure and longer lead times cut subcontracting and excess hours", "[levers][purchasing_practices][integration]") {
    const auto with = run(world(R"(
interventions:
  - {type: purchasing_practices, start: 2019-01, price_pressure: 0.1, lead_time_weeks: 12}
)"));
    const auto& base = baseline();
    CHECK_LOWERS(effect(with, base, "subcontracted_share"));
    CHECK_RAISES(effect(with, base, "compliance.working_time"));
    CHECK_RAISES(effect(with, base, "compliance.wages"));
}

TEST_CASE("purchasing_practices: only the named buyer changes", "[levers][purchasing_practices][integration]") {
    const auto with = run(world(R"(
interventions:
  - {type: purchasing_practices, where: {buyers: [devices]}, start: 2019-01, price_pressure_change: -0.4}
)"));
    CHECK_RAISES(effect(with, baseline(), "compliance.wages", "sector", "electronics"));
    CHECK(effect(with, baseline(), "compliance.wages", "sector", "garment").mean == 0);
}
