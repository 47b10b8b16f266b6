// Lever `epz_action_plan`: inspection reach and freedom of association in EPZs, in the policy.
#include "supplysim/model/levers/epz_action_plan.hpp"

#include "model/levers/lever_effects.hpp"

namespace supplysim {

void add_to_policy(const EpzActionPlanLever& l, Policy& p, const Scenario& s, const Where& where, double level) {
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        if (!where.country(int(c))) continue;
        const auto& base = s.countries[c];
        if (l.reach_epz > base.inspectorate.reach_epz)
            p.countries[c].inspectorate.reach_epz += lever::toward(base.inspectorate.reach_epz, l.reach_epz, level);
        if (l.epz_union_access > base.epz_union_access)
            p.countries[c].epz_union_access += lever::toward(base.epz_union_access, l.epz_union_access, level);
    }
}

}  // namespace supplysim
