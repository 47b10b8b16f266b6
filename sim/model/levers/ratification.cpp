// Lever `ratification`: the Conventions' standard areas, and their effect on law and enforcement.
#include "supplysim/model/levers/ratification.hpp"

#include "model/levers/lever_effects.hpp"

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

void add_to_policy(const RatificationLever& l, Policy& p, const Scenario& s, const Where& where, double level) {
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        if (!where.country(int(c))) continue;
        const auto& base = s.countries[c];
        auto& cp = p.countries[c];
        for (Area a : l.areas) {
            const std::size_t i = index(a);
            cp.law_strength[i] += level * l.law_gain * (1.0 - base.law_strength[i]);
            cp.inspectorate.detection[i] += level * l.enforcement_gain * (1.0 - base.inspectorate.detection[i]);
        }
        if (l.union_gain > 0) {
            cp.union_density += level * l.union_gain * base.union_density;
            cp.epz_union_access += level * l.union_gain * (1.0 - base.epz_union_access);
        }
        if (l.inspection_gain > 0) {
            auto& in = cp.inspectorate;
            in.inspectors_per_10k_workers += level * l.inspection_gain * base.inspectorate.inspectors_per_10k_workers;
            in.reach_informal += level * l.inspection_gain * (1.0 - base.inspectorate.reach_informal);
            for (std::size_t t = 1; t < in.reach_by_tier.size(); ++t)
                in.reach_by_tier[t] += level * l.inspection_gain * (1.0 - base.inspectorate.reach_by_tier[t]);
        }
    }
}

}  // namespace supplysim
