// Levers `due_diligence` and `joint_liability`: buyers' responsibility for their chain, in the policy.
#include "supplysim/model/levers/chain_responsibility.hpp"

#include "model/levers/lever_effects.hpp"

namespace supplysim {

void add_to_policy(const ChainResponsibilityLever& l, Policy& p, const Scenario& s, const Where& where, double level) {
    for (int b : lever::buyers_in(s, where)) {
        const auto& base = s.buyers[std::size_t(b)];
        auto& bp = p.buyers[std::size_t(b)];
        if (l.audit_reach_lower_tiers > base.audit_reach_lower_tiers)
            bp.audit_reach_lower_tiers += lever::toward(base.audit_reach_lower_tiers, l.audit_reach_lower_tiers, level);
        bp.audits_per_year += level * l.audits_per_year_change;
        bp.lower_tier_cost_months += level * l.lower_tier_cost_months;
        bp.subcontract_factor += level * (l.subcontract_factor - 1.0);
        bp.informal_subcontract_factor += level * (l.informal_subcontract_factor - 1.0);
    }
}

}  // namespace supplysim
