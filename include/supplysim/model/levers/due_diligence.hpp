#pragma once
// Lever `due_diligence`: lead firms carry out human-rights due diligence down their supply chains (seed items 2.2, 6.x).
// Mechanism, defaults and evidence: docs/model/interventions.md#due_diligence.
#include <memory>
#include <optional>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/levers/programme.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {


// Shared by due_diligence and joint_liability: buyers monitor lower tiers, pass on the cost of what
// they find there, and cut unauthorised subcontracting.
struct ChainResponsibilityLever : Lever {
    double audit_reach_lower_tiers = 0.4;   // target reach of buyers monitoring below tier 1
    double audits_per_year_change = 0;
    double lower_tier_cost_months = 3;      // cost to a lower-tier supplier of a finding
    double subcontract_factor = 0.8;        // multiplies the share of orders passed down
    double informal_subcontract_factor = 0.7;
    void apply(Policy& p, const Scenario& s, const Intervention& self, double level) const override;
};
// Reads the shared keys with the given defaults (used by due_diligence and joint_liability).
std::shared_ptr<const Lever> read_chain_responsibility(FieldReader& entry, const ChainResponsibilityLever& defaults);

std::shared_ptr<const Lever> read_due_diligence(FieldReader& entry, const Scenario& scenario, Intervention& self);

}  // namespace supplysim
