// Lever `formalization`: cheaper registration and the registration rates the formalisation phase uses.
#include "supplysim/model/levers/formalization.hpp"

#include "model/levers/lever_effects.hpp"

namespace supplysim {

namespace {
// Homework units register once the lever is at half strength (a yes-or-no rule).
constexpr double homework_switch_level = 0.5;
}  // namespace

void add_to_policy(const FormalizationLever& l, Policy& p, const Scenario& s, const Where& where, double level) {
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        if (!where.country(int(c))) continue;
        auto& cp = p.countries[c];
        cp.cost_factor[index(Area::contracts)] -= level * l.registration_cost_reduction;
        cp.firm_registration_per_year += level * l.firm_registration_per_year;
        cp.worker_registration += level * l.worker_registration;
        if (l.homeworkers && level >= homework_switch_level) cp.register_homework = true;
    }
}

}  // namespace supplysim
