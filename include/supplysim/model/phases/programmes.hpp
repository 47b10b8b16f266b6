#pragma once
// Phase: firm programmes (Better Work, SCORE, SYMAPRO, sector programmes, PPP-funded assistance, IFAs)
// enrol or cover eligible firms and then raise their capability and productivity, shift their
// propensity to comply, and check them (detecting and helping to correct violations). Runs after
// formalisation and before compliance decisions; does nothing during the spin-up.
#include "supplysim/model/policy.hpp"
#include "supplysim/model/rng.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

// `step` keys the random streams; `month` is the calendar month index (negative in the spin-up).
void run_programmes(World& world, const Scenario& scenario, const Policy& policy, const CounterRng& rng, int step,
                    int month);

}  // namespace supplysim
