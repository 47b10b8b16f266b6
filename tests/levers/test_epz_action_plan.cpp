// Lever `epz_action_plan`: see docs/model/interventions.md#epz_action_plan for the mechanism and the documented direction.
#include "lever_support.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

TEST_CASE("epz_action_plan: inspection reach and union access in EPZs", "[levers][epz_action_plan][integration]") {
    const std::string epz = "countries:\n  - {name: south, epz_share: 0.8, epz_union_access: 0.1, inspectorate: {inspectors_per_10k_workers: 3, reach: {epz: 0.1}}}\n";
    const auto base = run(world(epz));
    const auto with = run(world(epz + "interventions:\n  - {type: epz_action_plan, where: {countries: [south]}, start: 2019-01}\n"));
    CHECK_RAISES(effect(with, base, "union_density", "tier", "tier1"));
    CHECK_RAISES(effect(with, base, "inspection_coverage", "tier", "tier1"));
}
