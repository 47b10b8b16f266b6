// Levers `due_diligence` (seed items 2.2, 6.x) and `joint_liability` (2.2): buyers' responsibility
// for their chain, the same keys with different defaults.
#include "input/levers/lever_reading.hpp"

namespace supplysim {

namespace {

Lever read_chain_responsibility(FieldReader& r, const ChainResponsibilityLever& d) {
    ChainResponsibilityLever l = d;
    l.audit_reach_lower_tiers = r.number("audit_reach_lower_tiers", d.audit_reach_lower_tiers, 0, 1,
        "Target reach of buyers' monitoring below tier 1, relative to tier 1.");
    l.audits_per_year_change = r.number("audits_per_year_change", d.audits_per_year_change, -52, 52, "Change in social audits per tier-1 supplier per year.");
    l.lower_tier_cost_months = r.number("lower_tier_cost_months", d.lower_tier_cost_months, 0, 1000,
        "Cost to a lower-tier supplier of a finding (remediation demanded, orders withdrawn, liability passed down), months of compliance cost.");
    l.subcontract_factor = r.number("subcontract_factor", d.subcontract_factor, 0, 1,
        "Multiplies the share of orders passed down the chain (unauthorised subcontracting is cut).");
    l.informal_subcontract_factor = r.number("informal_subcontract_factor", d.informal_subcontract_factor, 0, 1,
        "Multiplies the share of passed-down work that goes to informal units.");
    return l;
}

}  // namespace

Lever read_due_diligence(FieldReader& r, const Scenario&, Intervention&) {
    return read_chain_responsibility(r, ChainResponsibilityLever{});
}

Lever read_joint_liability(FieldReader& r, const Scenario&, Intervention&) {
    // Liability in law gives lead firms a stronger reason than voluntary due diligence to monitor
    // lower tiers and to stop work from being passed on without their knowledge.
    ChainResponsibilityLever d;
    d.audit_reach_lower_tiers = 0.6;
    d.lower_tier_cost_months = 12;
    d.subcontract_factor = 0.6;
    d.informal_subcontract_factor = 0.5;
    return read_chain_responsibility(r, d);
}

}  // namespace supplysim
