// Lever `inspection` (seed items 2.1-2.5).
#include "input/inspectorate_keys.hpp"
#include "input/levers/lever_reading.hpp"

namespace supplysim {

Lever read_inspection(FieldReader& r, const Scenario& s, Intervention&) {
    InspectionLever l;
    for (const auto& n : inspectorate_numbers())
        if (const auto v = lever::optional_number(r, n.key, n.min, n.max, std::string("Target: ") + n.meaning)) l.targets.push_back({n.field, *v});
    std::vector<std::string> choices = {"unchanged"};
    for (const auto& [name, t] : targeting_names()) choices.push_back(name);
    choices.insert(choices.end(), {"sector_campaign", "strategic"});
    const auto t = r.choice("targeting", "unchanged", choices,
        "Targeting strategy: random, risk_based, complaint_driven, sector_campaign (priority to the where-sectors and tiers) or strategic (risk-based with advisory visits).");
    for (const auto& [name, targeting] : targeting_names())
        if (t == name) l.targeting = targeting;
    if (t == "strategic") l.targeting = Targeting::risk_based;
    l.sector_campaign = t == "sector_campaign";
    l.campaign_weight = r.number("campaign_weight", l.campaign_weight, 1, 100, "Visit priority of the campaign's sectors and tiers relative to others (sector_campaign).");
    l.advisory = r.number("advisory", t == "strategic" ? 0.05 : 0.0, 0, 1,
        "Share of a visited firm's capability gap closed by advice given during the visit (default 0.05 under strategic targeting, else 0).");
    auto reach = r.map("reach", "Target reach of visits (default: unchanged).");
    for (const auto& n : inspectorate_reach())
        if (const auto v = lever::optional_number(reach, n.key, n.min, n.max, std::string("Target: ") + n.meaning)) l.targets.push_back({n.field, *v});
    l.reach_tiers = read_tier_reach(reach, s.tiers.size(), "Target relative chance by tier, one number per tier (default: unchanged).");
    reach.reject_unknown_keys();
    l.gender_training = r.number("gender_training", l.gender_training, 0, 1,
        "Share of inspectors given gender-sensitive training (detection of harassment and discrimination).");
    l.trained_detection = r.number("trained_detection", l.trained_detection, 0, 1,
        "Chance a trained inspector's unannounced visit detects discrimination or harassment (untrained default 0.2).");
    l.legal_remedies = r.number("legal_remedies", l.legal_remedies, 0, 1, "Workers' access to legal remedies (labour courts, back-pay claims), 0 to 1.");
    l.remedy_claim_rate = r.number("remedy_claim_rate", l.remedy_claim_rate, 0, 1,
        "Monthly chance a violation with an identifiable victim is claimed, at full access.");
    return l;
}

}  // namespace supplysim
