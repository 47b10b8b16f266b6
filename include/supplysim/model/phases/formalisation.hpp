#pragma once
// Phase: formalisation (the `formalization` lever): informal units register at the policy's yearly
// rate (homework units only where the policy says so), and registered firms that comply on contracts
// register their informal workers. Runs after production and before the firm programmes; does nothing
// during the spin-up or where the policy sets no registration.
#include "supplysim/model/policy.hpp"
#include "supplysim/model/rng.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

// `step` keys the random streams; `month` is the calendar month index (negative in the spin-up).
void register_informal(World& world, const Policy& policy, const CounterRng& rng, int step, int month);

}  // namespace supplysim
