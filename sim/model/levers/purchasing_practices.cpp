// Lever `purchasing_practices`: buyers' price pressure and lead times, in the policy.
#include "supplysim/model/levers/purchasing_practices.hpp"

#include "model/levers/lever_effects.hpp"

namespace supplysim {

void add_to_policy(const PurchasingPracticesLever& l, Policy& p, const Scenario& s, const Where& where, double level) {
    for (int b : lever::buyers_in(s, where)) {
        const auto& base = s.buyers[std::size_t(b)];
        auto& bp = p.buyers[std::size_t(b)];
        bp.price_pressure += l.price_pressure ? lever::toward(base.price_pressure, *l.price_pressure, level) : level * l.price_pressure_change;
        bp.lead_time_weeks += l.lead_time_weeks ? lever::toward(base.lead_time_weeks, *l.lead_time_weeks, level) : level * l.lead_time_change_weeks;
    }
}

}  // namespace supplysim
