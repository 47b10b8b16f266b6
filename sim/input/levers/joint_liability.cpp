// Lever `joint_liability` (seed item 2.2): lead firms answer in law for violations in lower tiers.
#include "supplysim/model/levers/joint_liability.hpp"

#include "supplysim/input/levers/registry.hpp"

namespace supplysim {

std::shared_ptr<const Lever> read_joint_liability(FieldReader& r, const Scenario&, Intervention&) {
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
