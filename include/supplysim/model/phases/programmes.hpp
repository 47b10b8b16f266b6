#pragma once
// Phase: interventions that act on firms one by one. Firm programmes (Better Work, SCORE, SYMAPRO,
// sector programmes, PPP-funded assistance, IFAs) enrol or cover eligible firms and then raise their
// capability and productivity, shift their propensity to comply, and check them (detecting and helping
// to correct violations); formalisation registers informal units and workers. Runs after production
// and before compliance decisions; does nothing during the spin-up.
#include "supplysim/model/groups.hpp"
#include "supplysim/model/indicators.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/rng.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

// `step` keys the random streams; `month` is the calendar month index (negative in the spin-up).
void run_programmes(World& world, const Scenario& scenario, const Policy& policy, const CounterRng& rng, int step,
                    int month);

// Adds the interventions' indicator counts (programme coverage, compensated injuries) for the month's
// employed workers to `cells`, after live_the_month has filled them. Does nothing without interventions.
void count_programme_outcomes(const World& world, const Scenario& scenario, const Policy& policy,
                              const CounterRng& rng, int step, CellCounters& cells);

}  // namespace supplysim
