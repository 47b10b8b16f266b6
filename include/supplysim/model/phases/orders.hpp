#pragma once
// Phase: buyers place orders with tier-1 suppliers, with a yearly cycle and month-to-month noise;
// lower tiers start from their own (domestic) orders.
#include "supplysim/model/policy.hpp"
#include "supplysim/model/rng.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

void place_orders(World& world, const Scenario& scenario, const Policy& policy, const CounterRng& rng, int step);

}  // namespace supplysim
