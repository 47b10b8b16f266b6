// Lever `social_dialogue`: see docs/model/interventions.md#social_dialogue for the mechanism and the documented direction.
#include "lever_support.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

TEST_CASE("social_dialogue: raises union density and, by extended agreements, wage compliance", "[levers][social_dialogue][integration]") {
    const auto with = run(world(R"(
interventions:
  - {type: social_dialogue, where: {countries: [south]}, start: 2019-01, union_density_gain: 0.3, extension: 0.5}
)"));
    CHECK_RAISES(effect(with, baseline(), "union_density", "country", "south"));
    CHECK_RAISES(effect(with, baseline(), "compliance.wages", "country", "south"));
}
