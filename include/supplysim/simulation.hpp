#pragma once
// One replicate from start to end: build the world, then step month by month through the fixed
// pipeline of phases, recording indicators after each month.
#include <functional>

#include "supplysim/groups.hpp"
#include "supplysim/indicators.hpp"
#include "supplysim/scenario.hpp"
#include "supplysim/world.hpp"

namespace supplysim {

// Called after each month with the world as it stands (for tests and diagnostics); may be empty.
using MonthObserver = std::function<void(int month, const World&)>;

Series simulate_replicate(const Scenario& scenario, const GroupLayout& layout, int replicate,
                          const MonthObserver& observe = {});

}  // namespace supplysim
