// Lever `formalization` (seed item 2.3, Recommendation 204).
#include "supplysim/model/levers/formalization.hpp"

#include "supplysim/input/levers/registry.hpp"

namespace supplysim {

std::shared_ptr<const Lever> read_formalization(FieldReader& r, const Scenario&, Intervention&) {
    auto l = std::make_shared<FormalizationLever>();
    l->registration_cost_reduction = r.number("registration_cost_reduction", l->registration_cost_reduction, 0, 1,
        "Share of the cost of complying on contracts and registration removed (simplified registration, lower contributions).");
    l->firm_registration_per_year = r.number("firm_registration_per_year", l->firm_registration_per_year, 0, 1,
        "Yearly chance an informal unit registers at full strength.");
    l->worker_registration = r.number("worker_registration", l->worker_registration, 0, 1,
        "Extra monthly chance an informal worker in a registered firm that complies on contracts is registered.");
    l->homeworkers = r.boolean("homeworkers", l->homeworkers, "Whether homework units and their homeworkers are registered too.");
    return l;
}

void FormalizationLever::apply(Policy& p, const Scenario& s, const Intervention& self, double level) const {
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        if (!self.where.country(int(c))) continue;
        auto& cp = p.countries[c];
        cp.cost_factor[index(Area::contracts)] -= level * registration_cost_reduction;
        cp.firm_registration_per_year += level * firm_registration_per_year;
        cp.worker_registration += level * worker_registration;
        if (homeworkers && level >= 0.5) cp.register_homework = true;
    }
}

}  // namespace supplysim
