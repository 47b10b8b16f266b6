#pragma once
// Phase: workers' moves. Vacancies left by quits are filled by new hires drawn from the local labour
// force; firms that stop using child labour let under-18s go (their places are refilled by adults);
// firms that comply on contracts register informal workers; those that do not let contracts lapse.
#include "supplysim/model/policy.hpp"
#include "supplysim/model/rng.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

void move_workers(World& world, const Scenario& scenario, const CounterRng& rng, int step);

}  // namespace supplysim
