// Lever `social_protection`: see docs/model/interventions.md#social_protection for the mechanism and the documented direction.
#include "lever_support.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

TEST_CASE("social_protection: injuries are compensated and OSH compliance rises", "[levers][social_protection][integration]") {
    const auto with = run(world(R"(
interventions:
  - {type: social_protection, start: 2019-01, experience_rating_months: 2}
)"));
    const auto& base = baseline();
    const auto comp = effect(with, base, "injuries_compensated");
    CHECK(comp.base == 0);
    CHECK(comp.mean > 0);
    CHECK_RAISES(effect(with, base, "compliance.osh"));
}
