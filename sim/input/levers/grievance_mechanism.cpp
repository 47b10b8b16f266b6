// Lever `grievance_mechanism` (seed items 5.3-5.4).
#include "input/levers/lever_reading.hpp"

namespace supplysim {

Lever read_grievance_mechanism(FieldReader& r, const Scenario&, Intervention&) {
    GrievanceMechanismLever l;
    l.access = r.number("access", l.access, 0, 1, "Share of workers who know of and can use the mechanism.");
    l.claim_rate = r.number("claim_rate", l.claim_rate, 0, 1, "Monthly chance a violation with an identifiable victim is brought to the mechanism, at full access.");
    l.remedy_months = r.number("remedy_months", l.remedy_months, 0, 1000, "Cost to the firm of a remedy (back pay, compensation, mediation outcome), months of compliance cost.");
    return l;
}

}  // namespace supplysim
