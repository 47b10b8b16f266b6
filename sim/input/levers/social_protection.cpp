// Lever `social_protection` (seed item 6.4).
#include "supplysim/model/levers/social_protection.hpp"

#include "supplysim/input/levers/registry.hpp"

namespace supplysim {

std::shared_ptr<const Lever> read_social_protection(FieldReader& r, const Scenario&, Intervention&) {
    auto l = std::make_shared<SocialProtectionLever>();
    l->insurance_coverage = r.number("insurance_coverage", l->insurance_coverage, 0, 1,
        "Share of injuries to formally employed workers compensated by employment-injury insurance.");
    l->emergency_fund_coverage = r.number("emergency_fund_coverage", l->emergency_fund_coverage, 0, 1,
        "Share of injuries to informal workers compensated by an emergency compensation fund.");
    l->experience_rating_months = r.number("experience_rating_months", l->experience_rating_months, 0, 100,
        "Expected premium rise for a firm not complying on OSH (experience rating), months of OSH compliance cost per month.");
    return l;
}

void SocialProtectionLever::apply(Policy& p, const Scenario& s, const Intervention& self, double level) const {
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        if (!self.where.country(int(c))) continue;
        auto& cp = p.countries[c];
        cp.injury_cover_formal += level * insurance_coverage;
        cp.injury_cover_informal += level * emergency_fund_coverage;
        cp.deterrence_months[index(Area::osh)] += level * insurance_coverage * experience_rating_months;
    }
}

}  // namespace supplysim
