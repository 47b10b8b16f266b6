#pragma once
// Helpers for the levers' effects on the month's policy (sim/model/levers/<lever>.cpp).
#include <vector>

#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/scenario.hpp"

namespace supplysim::lever {

// Delta that moves `base` a share `level` of the way to `target`.
inline double toward(double base, double target, double level) { return level * (target - base); }

// Buyers that source where the intervention acts (named buyers, or buyers in its sectors and countries).
std::vector<int> buyers_in(const Scenario& s, const Where& where);

}  // namespace supplysim::lever
