#pragma once
// Phase: what the month brings each worker (pay against the minimum wage, hours against the limit,
// injury, harassment, union membership, child and forced labour, quitting), counted into the
// indicator cells as it happens so workers are read once per month.
#include "supplysim/model/groups.hpp"
#include "supplysim/model/indicators.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/rng.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

// Wage of a worker as a ratio to the minimum wage, given the employer's practices.
double wage_ratio(const World& world, const Scenario& scenario, std::size_t firm, std::uint32_t worker);

// Writes this month's counts into `cells` (cell_count x counter_count) and lists the rows in use.
// Rows not listed must be all zero on entry (true of a new table, or of one this function filled last
// month, with count_programme_outcomes adding only to listed rows): the function clears only the
// listed rows, so a month's fixed cost is small (performance.md).
void live_the_month(World& world, const Scenario& scenario, const Policy& policy, const CounterRng& rng,
                    int step, MonthCells& cells);

}  // namespace supplysim
