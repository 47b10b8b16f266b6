#pragma once
// Builds the initial world of one replicate from the scenario: firms by segment, workers by firm,
// starting compliance near each segment's equilibrium. Deterministic in (seed, replicate).
#include "supplysim/model/policy.hpp"
#include "supplysim/model/rng.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

World build_world(const Scenario& scenario, const Policy& policy, const CounterRng& rng);

}  // namespace supplysim
