// Lever `social_dialogue`: union density and extended collective agreements, in the policy.
#include "supplysim/model/levers/social_dialogue.hpp"

#include "model/levers/lever_effects.hpp"

namespace supplysim {

void add_to_policy(const SocialDialogueLever& l, Policy& p, const Scenario& s, const Where& where, double level) {
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        if (!where.country(int(c))) continue;
        p.countries[c].union_density += level * l.union_density_gain;
        for (int x = 0; x < p.sectors; ++x)
            for (int t = 0; t < p.tiers; ++t) {
                if (!where.sector(x) || !where.tier(t)) continue;
                auto& law = p.segment(int(c), x, t).law_extra;
                law[index(Area::wages)] += level * l.extension;
                // Extended agreements add less to the law on working time and organising than on wages.
                law[index(Area::working_time)] += level * l.secondary_extension_share * l.extension;
                law[index(Area::freedom_of_association)] += level * l.secondary_extension_share * l.extension;
            }
    }
}

}  // namespace supplysim
