// Lever `social_dialogue` (seed items 3.1, 3.3).
#include "input/levers/lever_reading.hpp"

namespace supplysim {

Lever read_social_dialogue(FieldReader& r, const Scenario&, Intervention&) {
    SocialDialogueLever l;
    l.union_density_gain = r.number("union_density_gain", l.union_density_gain, 0, 0.9,
        "Rise in the union density organising tends to where it is free (absolute).");
    l.extension = r.number("extension", l.extension, 0, 1,
        "Law strength added on wages in the where-sectors and tiers by extending collective agreements across the supply chain (half as much on working time and organising).");
    l.secondary_extension_share = r.number("secondary_extension_share", l.secondary_extension_share, 0, 1,
        "Law strength extension adds on working time and freedom of association, relative to what it adds on wages.");
    l.uptake_gain = r.number("uptake_gain", l.uptake_gain, 0, 5, "How much faster other levers' ramps run in the country (national tripartite institutions).");
    return l;
}

}  // namespace supplysim
