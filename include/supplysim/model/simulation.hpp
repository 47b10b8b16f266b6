#pragma once
// One replicate from start to end: build the world, then step month by month through the fixed
// pipeline of phases, recording indicators after each month.
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
