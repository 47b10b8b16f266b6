// Lever `social_protection` (seed item 6.4).
#include "input/levers/lever_reading.hpp"

namespace supplysim {

Lever read_social_protection(FieldReader& r, const Scenario&, Intervention&) {
    SocialProtectionLever l;
    l.insurance_coverage = r.number("insurance_coverage", l.insurance_coverage, 0, 1,
        "Share of injuries to formally employed workers compensated by employment-injury insurance.");
    l.emergency_fund_coverage = r.number("emergency_fund_coverage", l.emergency_fund_coverage, 0, 1,
        "Share of injuries to informal workers compensated by an emergency compensation fund.");
    l.experience_rating_months = r.number("experience_rating_months", l.experience_rating_months, 0, 100,
        "Expected premium rise for a firm not complying on OSH (experience rating), months of OSH compliance cost per month.");
    return l;
}

}  // namespace supplysim
