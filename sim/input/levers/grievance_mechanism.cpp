// Lever `grievance_mechanism` (seed items 5.3-5.4).
#include "supplysim/model/levers/grievance_mechanism.hpp"

#include "supplysim/input/levers/registry.hpp"

namespace supplysim {

std::shared_ptr<const Lever> read_grievance_mechanism(FieldReader& r, const Scenario&, Intervention&) {
    auto l = std::make_shared<GrievanceMechanismLever>();
    l->access = r.number("access", l->access, 0, 1, "Share of workers who know of and can use the mechanism.");
    l->claim_rate = r.number("claim_rate", l->claim_rate, 0, 1, "Monthly chance a violation with an identifiable victim is brought to the mechanism, at full access.");
    l->remedy_months = r.number("remedy_months", l->remedy_months, 0, 1000, "Cost to the firm of a remedy (back pay, compensation, mediation outcome), months of compliance cost.");
    return l;
}

void GrievanceMechanismLever::apply(Policy& p, const Scenario& s, const Intervention& self, double level) const {
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        if (!self.where.country(int(c))) continue;
        // Remedies bite as far as the rule of law makes outcomes stick.
        const double cost = level * access * claim_rate * remedy_months * s.countries[c].rule_of_law;
        for (Area a : {Area::osh, Area::wages, Area::working_time, Area::freedom_of_association, Area::forced_labour, Area::discrimination})
            p.countries[c].deterrence_months[index(a)] += cost;
    }
}

}  // namespace supplysim
