// Lever `social_dialogue` (seed items 3.1, 3.3).
#include "supplysim/model/levers/social_dialogue.hpp"

#include "supplysim/input/levers/registry.hpp"

namespace supplysim {

std::shared_ptr<const Lever> read_social_dialogue(FieldReader& r, const Scenario&, Intervention&) {
    auto l = std::make_shared<SocialDialogueLever>();
    l->union_density_gain = r.number("union_density_gain", l->union_density_gain, 0, 0.9,
        "Rise in the union density organising tends to where it is free (absolute).");
    l->extension = r.number("extension", l->extension, 0, 1,
        "Law strength added on wages in the where-sectors and tiers by extending collective agreements across the supply chain (half as much on working time and organising).");
    l->uptake_gain = r.number("uptake_gain", l->uptake_gain, 0, 5, "How much faster other levers' ramps run in the country (national tripartite institutions).");
    return l;
}

void SocialDialogueLever::apply(Policy& p, const Scenario& s, const Intervention& self, double level) const {
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        if (!self.where.country(int(c))) continue;
        p.countries[c].union_density += level * union_density_gain;
        for (int x = 0; x < p.sectors; ++x)
            for (int t = 0; t < p.tiers; ++t) {
                if (!self.where.sector(x) || !self.where.tier(t)) continue;
                auto& law = p.segment(int(c), x, t).law_extra;
                law[index(Area::wages)] += level * extension;
                law[index(Area::working_time)] += level * 0.5 * extension;
                law[index(Area::freedom_of_association)] += level * 0.5 * extension;
            }
    }
}

}  // namespace supplysim
