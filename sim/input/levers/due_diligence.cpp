// Lever `due_diligence` (seed items 2.2, 6.x): buyers' human-rights due diligence down the chain.
#include "supplysim/model/levers/due_diligence.hpp"

#include "supplysim/input/levers/registry.hpp"

namespace supplysim {

// Reads the shared chain-responsibility keys with the given defaults (due_diligence and joint_liability).
std::shared_ptr<const Lever> read_chain_responsibility(FieldReader& r, const ChainResponsibilityLever& d) {
    auto l = std::make_shared<ChainResponsibilityLever>(d);
    l->audit_reach_lower_tiers = r.number("audit_reach_lower_tiers", d.audit_reach_lower_tiers, 0, 1,
        "Target reach of buyers' monitoring below tier 1, relative to tier 1.");
    l->audits_per_year_change = r.number("audits_per_year_change", d.audits_per_year_change, -52, 52, "Change in social audits per tier-1 supplier per year.");
    l->lower_tier_cost_months = r.number("lower_tier_cost_months", d.lower_tier_cost_months, 0, 1000,
        "Cost to a lower-tier supplier of a finding (remediation demanded, orders withdrawn, liability passed down), months of compliance cost.");
    l->subcontract_factor = r.number("subcontract_factor", d.subcontract_factor, 0, 1,
        "Multiplies the share of orders passed down the chain (unauthorised subcontracting is cut).");
    l->informal_subcontract_factor = r.number("informal_subcontract_factor", d.informal_subcontract_factor, 0, 1,
        "Multiplies the share of passed-down work that goes to informal units.");
    return l;
}

std::shared_ptr<const Lever> read_due_diligence(FieldReader& r, const Scenario&, Intervention&) {
    return read_chain_responsibility(r, ChainResponsibilityLever{});
}

void ChainResponsibilityLever::apply(Policy& p, const Scenario& s, const Intervention& self, double level) const {
    for (int b : lever::buyers_in(s, self.where)) {
        const auto& base = s.buyers[std::size_t(b)];
        auto& bp = p.buyers[std::size_t(b)];
        if (audit_reach_lower_tiers > base.audit_reach_lower_tiers)
            bp.audit_reach_lower_tiers += lever::toward(base.audit_reach_lower_tiers, audit_reach_lower_tiers, level);
        bp.audits_per_year += level * audits_per_year_change;
        bp.lower_tier_cost_months += level * lower_tier_cost_months;
        bp.subcontract_factor += level * (subcontract_factor - 1.0);
        bp.informal_subcontract_factor += level * (informal_subcontract_factor - 1.0);
    }
}

}  // namespace supplysim
