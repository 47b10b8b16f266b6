// Lever `social_protection`: injury compensation and experience-rated premiums, in the policy.
#include "supplysim/model/levers/social_protection.hpp"

#include "model/levers/lever_effects.hpp"

namespace supplysim {

void add_to_policy(const SocialProtectionLever& l, Policy& p, const Scenario& s, const Where& where, double level) {
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        if (!where.country(int(c))) continue;
        auto& cp = p.countries[c];
        cp.injury_cover_formal += level * l.insurance_coverage;
        cp.injury_cover_informal += level * l.emergency_fund_coverage;
        cp.deterrence_months[index(Area::osh)] += level * l.insurance_coverage * l.experience_rating_months;
    }
}

}  // namespace supplysim
