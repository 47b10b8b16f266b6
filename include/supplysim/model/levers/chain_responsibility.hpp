#pragma once
// Levers `due_diligence` (seed items 2.2, 6.x) and `joint_liability` (2.2): buyers monitor lower
// tiers, pass on the cost of what they find there, and cut unauthorised subcontracting; liability in
// law (joint_liability) has stronger defaults than voluntary due diligence.
// Mechanism, defaults and evidence: docs/model/interventions.md#due_diligence.

namespace supplysim {

struct Policy;
struct Scenario;
struct Where;

struct ChainResponsibilityLever {
    double audit_reach_lower_tiers = 0.4;   // target reach of buyers monitoring below tier 1
    double audits_per_year_change = 0;
    double lower_tier_cost_months = 3;      // cost to a lower-tier supplier of a finding
    double subcontract_factor = 0.8;        // multiplies the share of orders passed down
    double informal_subcontract_factor = 0.7;
};
void add_to_policy(const ChainResponsibilityLever& lever, Policy& policy, const Scenario& scenario, const Where& where,
                   double level);

}  // namespace supplysim
