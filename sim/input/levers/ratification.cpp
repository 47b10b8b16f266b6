// Lever `ratification` (seed items 1.1-1.4).
#include "supplysim/model/levers/ratification.hpp"

#include <algorithm>

#include "supplysim/input/levers/registry.hpp"

namespace supplysim {

const std::vector<std::pair<std::string, std::vector<Area>>>& convention_areas() {
    using A = Area;
    static const std::vector<std::pair<std::string, std::vector<Area>>> list = {
        {"C87", {A::freedom_of_association}}, {"C98", {A::freedom_of_association}},
        {"C29", {A::forced_labour}}, {"P29", {A::forced_labour}}, {"C105", {A::forced_labour}},
        {"C138", {A::child_labour}}, {"C182", {A::child_labour}},
        {"C100", {A::discrimination, A::wages}}, {"C111", {A::discrimination}}, {"C190", {A::discrimination}},
        {"C155", {A::osh}}, {"C187", {A::osh}},
        {"C81", {}}, {"C129", {}}, {"C144", {}},
        {"C131", {A::wages}}, {"C95", {A::wages}},
        {"C1", {A::working_time}}, {"C14", {A::working_time}}, {"C30", {A::working_time}},
        {"C177", {A::contracts}},
    };
    return list;
}

std::shared_ptr<const Lever> read_ratification(FieldReader& r, const Scenario& s, Intervention& self) {
    auto l = std::make_shared<RatificationLever>();
    std::vector<std::string> names;
    for (const auto& [n, a] : convention_areas()) names.push_back(n);
    l->convention = r.choice("convention", "", names, "The Convention or Protocol ratified (start is the month of ratification).");
    if (l->convention.empty()) throw InputError(r.mark(), r.field("convention"), "missing required key; expected a Convention such as C87");
    l->areas = std::find_if(convention_areas().begin(), convention_areas().end(), [&](const auto& c) { return c.first == l->convention; })->second;
    self.when.lag_months = int(r.integer("lag_months", 24, 0, 240, "Months from ratification to the first effect (law reform and implementation)."));
    if (self.when.start + self.when.lag_months >= s.months())
        r.fail("lag_months", "ratification plus the implementation lag falls after the end of the horizon (" + s.end.str() + "); the lever would do nothing");
    l->law_gain = r.number("law_gain", l->law_gain, 0, 1, "Share of the gap to full law strength closed in the Convention's standard areas.");
    l->enforcement_gain = r.number("enforcement_gain", l->enforcement_gain, 0, 1, "Share of the gap to full detection closed in those areas (supervision by the CEACR, inspectorate mandate).");
    const bool foa = l->convention == "C87" || l->convention == "C98";
    l->union_gain = r.number("union_gain", foa ? 0.3 : 0.0, 0, 5, "Relative rise in the union density organising tends to (default 0.3 for C87 and C98).");
    const bool insp = l->convention == "C81" || l->convention == "C129";
    l->inspection_gain = r.number("inspection_gain", insp ? 0.3 : 0.0, 0, 5,
        "Inspectorate mandate and reach (C81, C129): share of the reach gap to informal units and lower tiers closed, and relative rise in staffing (default 0.3).");
    l->uptake_gain = r.number("uptake_gain", l->convention == "C144" ? 0.5 : 0.0, 0, 5,
        "How much faster other levers' ramps run in the country (C144 tripartite consultation; default 0.5 for C144).");
    return l;
}

void RatificationLever::apply(Policy& p, const Scenario& s, const Intervention& self, double level) const {
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        if (!self.where.country(int(c))) continue;
        const auto& base = s.countries[c];
        auto& cp = p.countries[c];
        for (Area a : areas) {
            const std::size_t i = index(a);
            cp.law_strength[i] += level * law_gain * (1.0 - base.law_strength[i]);
            cp.inspectorate.detection[i] += level * enforcement_gain * (1.0 - base.inspectorate.detection[i]);
        }
        if (union_gain > 0) {
            cp.union_density += level * union_gain * base.union_density;
            cp.epz_union_access += level * union_gain * (1.0 - base.epz_union_access);
        }
        if (inspection_gain > 0) {
            auto& in = cp.inspectorate;
            in.inspectors_per_10k_workers += level * inspection_gain * base.inspectorate.inspectors_per_10k_workers;
            in.reach_informal += level * inspection_gain * (1.0 - base.inspectorate.reach_informal);
            for (std::size_t t = 1; t < in.reach_by_tier.size(); ++t)
                in.reach_by_tier[t] += level * inspection_gain * (1.0 - base.inspectorate.reach_by_tier[t]);
        }
    }
}

}  // namespace supplysim
