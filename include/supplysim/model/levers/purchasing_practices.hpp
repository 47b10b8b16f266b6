#pragma once
// Lever `purchasing_practices`: buyers change price pressure and lead times.
// Mechanism, defaults and evidence: docs/model/interventions.md#purchasing_practices.
#include <optional>

namespace supplysim {

struct Policy;
struct Scenario;
struct Where;

struct PurchasingPracticesLever {
    std::optional<double> price_pressure, lead_time_weeks;  // targets
    double price_pressure_change = -0.2;                    // used when no target is given
    double lead_time_change_weeks = 2;
};
void add_to_policy(const PurchasingPracticesLever& lever, Policy& policy, const Scenario& scenario, const Where& where,
                   double level);

}  // namespace supplysim
