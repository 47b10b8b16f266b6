#pragma once
// The terms a segment's buyers set, weighted by their orders there: price pressure, lead time and the
// chance a firm is audited (tier 1; lower tiers as far as the buyers' audits reach). Refreshed each
// month from the policy in force (by the orders phase) and when the world is built.
#include "supplysim/model/policy.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

void refresh_segment_buyer_terms(World& world, const Scenario& scenario, const Policy& policy);

}  // namespace supplysim
