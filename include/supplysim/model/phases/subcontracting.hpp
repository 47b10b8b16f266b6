#pragma once
// Phase: suppliers produce what their capacity and legal hours allow and pass the excess down the
// tiers; more is passed down under price pressure and short lead times, and more to informal units.
#include "supplysim/model/policy.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

// Share of excess orders a firm passes down rather than meeting with overtime.
double subcontract_share(const ProductionParameters& p, double price_pressure, double lead_time_weeks);

void produce_and_subcontract(World& world, const Scenario& scenario, const Policy& policy, int step);

}  // namespace supplysim
