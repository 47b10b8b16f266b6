// Lever `formalization` (seed item 2.3, Recommendation 204).
#include "input/levers/lever_reading.hpp"

namespace supplysim {

Lever read_formalization(FieldReader& r, const Scenario&, Intervention&) {
    FormalizationLever l;
    l.registration_cost_reduction = r.number("registration_cost_reduction", l.registration_cost_reduction, 0, 1,
        "Share of the cost of complying on contracts and registration removed (simplified registration, lower contributions).");
    l.firm_registration_per_year = r.number("firm_registration_per_year", l.firm_registration_per_year, 0, 1,
        "Yearly chance an informal unit registers at full strength.");
    l.worker_registration = r.number("worker_registration", l.worker_registration, 0, 1,
        "Extra monthly chance an informal worker in a registered firm that complies on contracts is registered.");
    l.homeworkers = r.boolean("homeworkers", l.homeworkers, "Whether homework units and their homeworkers are registered too.");
    return l;
}

}  // namespace supplysim
