#pragma once
// The interventions' indicator counts (programme coverage, compensated injuries) for the month's
// employed workers, added to the month's cells after live_the_month has filled them.
#include "supplysim/model/indicators.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/rng.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

// Adds to the rows live_the_month put in use (every employed worker's cell is one of them). Does
// nothing without interventions.
void count_programme_outcomes(const World& world, const Scenario& scenario, const Policy& policy,
                              const CounterRng& rng, int step, CellCounters& cells);

}  // namespace supplysim
