// Lever `formalization`: see docs/model/interventions.md#formalization for the mechanism and the documented direction.
#include "lever_support.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

TEST_CASE("formalization: registration lowers informal employment", "[levers][formalization][integration]") {
    const auto with = run(world(R"(
interventions:
  - {type: formalization, where: {countries: [south]}, start: 2019-01, firm_registration_per_year: 0.5, worker_registration: 0.1}
)"));
    const auto& base = baseline();
    CHECK_LOWERS(effect(with, base, "informal_share", "country", "south"));
    CHECK_RAISES(effect(with, base, "compliance.contracts", "country", "south"));
    CHECK(effect(with, base, "informal_share", "country", "north").mean == 0);
}
