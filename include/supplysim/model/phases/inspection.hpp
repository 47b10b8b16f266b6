#pragma once
// Phase: labour inspectorates visit firms (random, risk-based or complaint-driven targeting, within
// their reach into EPZs, informal units and lower tiers), detect violations, sanction and follow up;
// buyers' social audits detect too, and ask for corrections.
#include "supplysim/model/policy.hpp"
#include "supplysim/model/rng.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

// Visits an inspectorate makes in a month to a country's `workers` (follow-ups included).
double monthly_visits(const Inspectorate& inspectorate, std::int64_t workers);

// Relative chance that firm f is chosen for a visit under the country's targeting strategy.
double visit_weight(const World& world, const Inspectorate& inspectorate, std::size_t f);

void inspect_and_audit(World& world, const Scenario& scenario, const Policy& policy, const CounterRng& rng,
                       int step);

}  // namespace supplysim
