#pragma once
// The institutions and buyer practices in force in a given month. The baseline comes from the scenario;
// interventions change it month by month. Phases read the policy, never the scenario's raw settings,
// so every lever acts through one place.
#include <vector>

#include "supplysim/scenario.hpp"

namespace supplysim {

struct CountryPolicy {
    Inspectorate inspectorate;
    PerArea<double> law_strength{};
    double rule_of_law = 0.5;
    double union_density = 0.1;   // density that union organising tends towards where it is free
    double epz_union_access = 0.5;
};

struct BuyerPolicy {
    double price_pressure = 0.5;
    double lead_time_weeks = 8;
    double audits_per_year = 1;
    double audit_detection = 0.5;
    double audit_reach_lower_tiers = 0;
};

struct Policy {
    std::vector<CountryPolicy> countries;
    std::vector<BuyerPolicy> buyers;
};

// The policy in force in month `month` (0 = the scenario's start).
Policy policy_for_month(const Scenario& scenario, int month);

}  // namespace supplysim
