// Lever `ratification` (seed items 1.1-1.4).
#include <algorithm>

#include "input/levers/lever_reading.hpp"

namespace supplysim {

Lever read_ratification(FieldReader& r, const Scenario& s, Intervention& self) {
    RatificationLever l;
    std::vector<std::string> names;
    for (const auto& [n, a] : convention_areas()) names.push_back(n);
    l.convention = r.choice("convention", "", names, "The Convention or Protocol ratified (start is the month of ratification).");
    if (l.convention.empty()) throw InputError(r.mark(), r.field("convention"), "missing required key; expected a Convention such as C87");
    l.areas = std::find_if(convention_areas().begin(), convention_areas().end(), [&](const auto& c) { return c.first == l.convention; })->second;
    self.when.lag_months = int(r.integer("lag_months", 24, 0, 240, "Months from ratification to the first effect (law reform and implementation)."));
    if (self.when.start + self.when.lag_months >= s.months())
        r.fail("lag_months", "ratification plus the implementation lag falls after the end of the horizon (" + s.end.str() + "); the lever would do nothing");
    l.law_gain = r.number("law_gain", l.law_gain, 0, 1, "Share of the gap to full law strength closed in the Convention's standard areas.");
    l.enforcement_gain = r.number("enforcement_gain", l.enforcement_gain, 0, 1, "Share of the gap to full detection closed in those areas (supervision by the CEACR, inspectorate mandate).");
    const bool foa = l.convention == "C87" || l.convention == "C98";
    l.union_gain = r.number("union_gain", foa ? 0.3 : 0.0, 0, 5, "Relative rise in the union density organising tends to (default 0.3 for C87 and C98).");
    const bool insp = l.convention == "C81" || l.convention == "C129";
    l.inspection_gain = r.number("inspection_gain", insp ? 0.3 : 0.0, 0, 5,
        "Inspectorate mandate and reach (C81, C129): share of the reach gap to informal units and lower tiers closed, and relative rise in staffing (default 0.3).");
    l.uptake_gain = r.number("uptake_gain", l.convention == "C144" ? 0.5 : 0.0, 0, 5,
        "How much faster other levers' ramps run in the country (C144 tripartite consultation; default 0.5 for C144).");
    return l;
}

}  // namespace supplysim
