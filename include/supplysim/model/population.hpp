#pragma once
// Builds the initial world of one replicate from the scenario: firms by segment, workers by firm,
// starting compliance near each segment's equilibrium. Deterministic in (seed, replicate).
#include "supplysim/model/policy.hpp"
#include "supplysim/model/rng.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

World build_world(const Scenario& scenario, const Policy& policy, const CounterRng& rng);

// Draws the attributes of a worker hired into firm f (at build time or to fill a vacancy).
void hire_worker(World& world, const Scenario& scenario, std::size_t f, std::uint32_t slot,
                 const CounterRng& rng, std::uint32_t month, Purpose purpose);

// Refreshes per-segment buyer pressure, lead time and audit rate from the policy in force.
void refresh_segment_buyer_terms(World& world, const Scenario& scenario, const Policy& policy);

}  // namespace supplysim
