// Lever `purchasing_practices`: buyers change price pressure and lead times.
#include "input/levers/lever_reading.hpp"

namespace supplysim {

Lever read_purchasing_practices(FieldReader& r, const Scenario&, Intervention&) {
    PurchasingPracticesLever l;
    l.price_pressure = lever::optional_number(r, "price_pressure", 0, 1, "Target price pressure on suppliers, 0 to 1; overrides price_pressure_change");
    l.lead_time_weeks = lever::optional_number(r, "lead_time_weeks", 0.1, 52, "Target order lead time in weeks; overrides lead_time_change_weeks");
    if (!l.price_pressure)
        l.price_pressure_change = r.number("price_pressure_change", l.price_pressure_change, -1, 1, "Change in each buyer's price pressure (used when no target is given).");
    if (!l.lead_time_weeks)
        l.lead_time_change_weeks = r.number("lead_time_change_weeks", l.lead_time_change_weeks, -52, 52, "Change in each buyer's lead time, weeks (used when no target is given).");
    return l;
}

}  // namespace supplysim
