// Lever `inspection`: the inspectorate's staffing, practice, reach, targeting and detection in the policy.
#include "supplysim/model/levers/inspection.hpp"

#include "model/levers/lever_effects.hpp"

namespace supplysim {

namespace {
// A categorical choice (the targeting strategy) switches once the lever is at half strength.
constexpr double targeting_switch_level = 0.5;
}  // namespace

void add_to_policy(const InspectionLever& l, Policy& p, const Scenario& s, const Where& where, double level) {
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        if (!where.country(int(c))) continue;
        const auto& base = s.countries[c].inspectorate;
        auto& in = p.countries[c].inspectorate;
        for (const auto& t : l.targets) in.*t.field += lever::toward(base.*t.field, t.value, level);
        for (std::size_t t = 0; t < l.reach_tiers.size() && t < in.reach_by_tier.size(); ++t)
            in.reach_by_tier[t] += lever::toward(base.reach_by_tier[t], l.reach_tiers[t], level);
        if (level >= targeting_switch_level && l.targeting) in.targeting = *l.targeting;
        if (l.sector_campaign)
            for (int x = 0; x < p.sectors; ++x)
                for (int t = 0; t < p.tiers; ++t)
                    if (where.sector(x) && where.tier(t)) p.segment(int(c), x, t).visit_weight += level * (l.campaign_weight - 1.0);
        p.countries[c].advisory_capability += level * l.advisory;
        const std::size_t d = index(Area::discrimination);
        if (l.gender_training > 0 && l.trained_detection > base.detection[d])
            in.detection[d] += level * l.gender_training * (l.trained_detection - base.detection[d]);
        if (l.legal_remedies > 0) {
            // Claims for back pay, compensation and reinstatement: areas with an identifiable victim.
            const double cost = level * l.legal_remedies * l.remedy_claim_rate * base.sanction_months * s.countries[c].rule_of_law;
            for (Area a : {Area::osh, Area::wages, Area::working_time, Area::contracts, Area::freedom_of_association, Area::discrimination})
                p.countries[c].deterrence_months[index(a)] += cost;
        }
    }
}

}  // namespace supplysim
