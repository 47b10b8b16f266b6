#pragma once
// One replicate from start to end: build the world, then step month by month through the fixed
// pipeline of phases (sim/model/simulation.cpp), recording indicators after each month.
//
// Phases take `step`: the month counted from the start of the spin-up (step 0 is the first spin-up
// month), which keys the random streams. Where a phase needs the calendar, `month` counts from the
// scenario's start and is negative during the spin-up.
#include <functional>

#include "supplysim/model/groups.hpp"
#include "supplysim/model/indicators.hpp"
#include "supplysim/model/scenario.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

// Called after each month with the world as it stands (for tests and diagnostics); may be empty.
using MonthObserver = std::function<void(int month, const World&)>;

Series simulate_replicate(const Scenario& scenario, const GroupLayout& layout, int replicate,
                          const MonthObserver& observe = {});

}  // namespace supplysim
