#pragma once
// Lever `epz_action_plan` (seed item 7.1): inspection access and freedom of association in export
// processing zones.
// Mechanism, defaults and evidence: docs/model/interventions.md#epz_action_plan.

namespace supplysim {

struct Policy;
struct Scenario;
struct Where;

struct EpzActionPlanLever {
    double reach_epz = 1.0;         // target inspection reach into EPZs
    double epz_union_access = 0.8;  // target freedom of association in EPZs relative to outside
};
void add_to_policy(const EpzActionPlanLever& lever, Policy& policy, const Scenario& scenario, const Where& where,
                   double level);

}  // namespace supplysim
