// Lever `epz_action_plan` (seed item 7.1).
#include "supplysim/model/levers/epz_action_plan.hpp"

#include "supplysim/input/levers/registry.hpp"

namespace supplysim {

std::shared_ptr<const Lever> read_epz_action_plan(FieldReader& r, const Scenario&, Intervention&) {
    auto l = std::make_shared<EpzActionPlanLever>();
    l->reach_epz = r.number("reach_epz", l->reach_epz, 0, 1, "Target relative chance inspectors can visit a firm inside an EPZ.");
    l->epz_union_access = r.number("epz_union_access", l->epz_union_access, 0, 1, "Target freedom of association inside EPZs relative to outside.");
    return l;
}

void EpzActionPlanLever::apply(Policy& p, const Scenario& s, const Intervention& self, double level) const {
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        if (!self.where.country(int(c))) continue;
        const auto& base = s.countries[c];
        if (reach_epz > base.inspectorate.reach_epz)
            p.countries[c].inspectorate.reach_epz += lever::toward(base.inspectorate.reach_epz, reach_epz, level);
        if (epz_union_access > base.epz_union_access)
            p.countries[c].epz_union_access += lever::toward(base.epz_union_access, epz_union_access, level);
    }
}

}  // namespace supplysim
