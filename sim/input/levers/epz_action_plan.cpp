// Lever `epz_action_plan` (seed item 7.1).
#include "input/levers/lever_reading.hpp"

namespace supplysim {

Lever read_epz_action_plan(FieldReader& r, const Scenario&, Intervention&) {
    EpzActionPlanLever l;
    l.reach_epz = r.number("reach_epz", l.reach_epz, 0, 1, "Target relative chance inspectors can visit a firm inside an EPZ.");
    l.epz_union_access = r.number("epz_union_access", l.epz_union_access, 0, 1, "Target freedom of association inside EPZs relative to outside.");
    return l;
}

}  // namespace supplysim
