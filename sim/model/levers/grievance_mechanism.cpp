// Lever `grievance_mechanism`: the expected cost of remedies, in the policy.
#include "supplysim/model/levers/grievance_mechanism.hpp"

#include "model/levers/lever_effects.hpp"

namespace supplysim {

void add_to_policy(const GrievanceMechanismLever& l, Policy& p, const Scenario& s, const Where& where, double level) {
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        if (!where.country(int(c))) continue;
        // Remedies bite as far as the rule of law makes outcomes stick.
        const double cost = level * l.access * l.claim_rate * l.remedy_months * s.countries[c].rule_of_law;
        for (Area a : {Area::osh, Area::wages, Area::working_time, Area::freedom_of_association, Area::forced_labour, Area::discrimination})
            p.countries[c].deterrence_months[index(a)] += cost;
    }
}

}  // namespace supplysim
