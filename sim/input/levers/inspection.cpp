// Lever `inspection` (seed items 2.1-2.5).
#include "supplysim/model/levers/inspection.hpp"

#include "supplysim/input/levers/registry.hpp"

namespace supplysim {

namespace {
constexpr auto maybe = lever::optional_number;
}  // namespace

std::shared_ptr<const Lever> read_inspection(FieldReader& r, const Scenario& s, Intervention&) {
    auto l = std::make_shared<InspectionLever>();
    l->inspectors_per_10k_workers = maybe(r, "inspectors_per_10k_workers", 0, 100,
        "Target inspectors per 10,000 workers (ILO benchmarks 1, 0.5 and 0.25 for industrial, transition and less developed economies)");
    l->visits_per_inspector_month = maybe(r, "visits_per_inspector_month", 0, 200, "Target visits per inspector per month");
    const auto t = r.choice("targeting", "unchanged", {"unchanged", "random", "risk_based", "complaint_driven", "sector_campaign", "strategic"},
        "Targeting strategy: random, risk_based, complaint_driven, sector_campaign (priority to the where-sectors and tiers) or strategic (risk-based with advisory visits).");
    l->targeting = t == "random" ? InspectionTargeting::random : t == "risk_based" ? InspectionTargeting::risk_based
                 : t == "complaint_driven" ? InspectionTargeting::complaint_driven : t == "sector_campaign" ? InspectionTargeting::sector_campaign
                 : t == "strategic" ? InspectionTargeting::strategic : InspectionTargeting::unchanged;
    l->campaign_weight = r.number("campaign_weight", l->campaign_weight, 1, 100, "Visit priority of the campaign's sectors and tiers relative to others (sector_campaign).");
    l->advisory = r.number("advisory", l->targeting == InspectionTargeting::strategic ? 0.05 : 0.0, 0, 1,
        "Share of a visited firm's capability gap closed by advice given during the visit (default 0.05 under strategic targeting, else 0).");
    l->announced_share = maybe(r, "announced_share", 0, 1, "Target share of visits announced in advance");
    l->sanction_months = maybe(r, "sanction_months", 0, 1000, "Target cost of a sanctioned violation, months of compliance cost");
    l->follow_up_share = maybe(r, "follow_up_share", 0, 1, "Target share of visits with violations followed up");
    auto reach = r.map("reach", "Target reach of visits (default: unchanged).");
    l->reach_epz = maybe(reach, "epz", 0, 1, "Target relative chance an EPZ firm can be visited");
    l->reach_informal = maybe(reach, "informal", 0, 1, "Target relative chance an informal unit can be visited");
    l->reach_tiers = reach.numbers("tiers", 0, 1, "Target relative chance by tier, one number per tier (default: unchanged).");
    if (!l->reach_tiers.empty() && l->reach_tiers.size() != s.tiers.size())
        reach.fail("tiers", "expected " + std::to_string(s.tiers.size()) + " numbers (one per tier), got " + std::to_string(l->reach_tiers.size()));
    reach.reject_unknown_keys();
    l->gender_training = r.number("gender_training", l->gender_training, 0, 1,
        "Share of inspectors given gender-sensitive training (detection of harassment and discrimination).");
    l->trained_detection = r.number("trained_detection", l->trained_detection, 0, 1,
        "Chance a trained inspector's unannounced visit detects discrimination or harassment (untrained default 0.2).");
    l->legal_remedies = r.number("legal_remedies", l->legal_remedies, 0, 1, "Workers' access to legal remedies (labour courts, back-pay claims), 0 to 1.");
    l->remedy_claim_rate = r.number("remedy_claim_rate", l->remedy_claim_rate, 0, 1,
        "Monthly chance a violation with an identifiable victim is claimed, at full access.");
    return l;
}

void InspectionLever::apply(Policy& p, const Scenario& s, const Intervention& self, double level) const {
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        if (!self.where.country(int(c))) continue;
        const auto& base = s.countries[c].inspectorate;
        auto& in = p.countries[c].inspectorate;
        if (inspectors_per_10k_workers) in.inspectors_per_10k_workers += lever::toward(base.inspectors_per_10k_workers, *inspectors_per_10k_workers, level);
        if (visits_per_inspector_month) in.visits_per_inspector_month += lever::toward(base.visits_per_inspector_month, *visits_per_inspector_month, level);
        if (announced_share) in.announced_share += lever::toward(base.announced_share, *announced_share, level);
        if (sanction_months) in.sanction_months += lever::toward(base.sanction_months, *sanction_months, level);
        if (follow_up_share) in.follow_up_share += lever::toward(base.follow_up_share, *follow_up_share, level);
        if (reach_epz) in.reach_epz += lever::toward(base.reach_epz, *reach_epz, level);
        if (reach_informal) in.reach_informal += lever::toward(base.reach_informal, *reach_informal, level);
        for (std::size_t t = 0; t < reach_tiers.size() && t < in.reach_by_tier.size(); ++t)
            in.reach_by_tier[t] += lever::toward(base.reach_by_tier[t], reach_tiers[t], level);
        // A categorical choice switches once the lever is at half strength.
        if (level >= 0.5) switch (targeting) {
            case InspectionTargeting::random: in.targeting = Targeting::random; break;
            case InspectionTargeting::risk_based:
            case InspectionTargeting::strategic: in.targeting = Targeting::risk_based; break;
            case InspectionTargeting::complaint_driven: in.targeting = Targeting::complaint_driven; break;
            default: break;
        }
        if (targeting == InspectionTargeting::sector_campaign)
            for (int x = 0; x < p.sectors; ++x)
                for (int t = 0; t < p.tiers; ++t)
                    if (self.where.sector(x) && self.where.tier(t)) p.segment(int(c), x, t).visit_weight += level * (campaign_weight - 1.0);
        p.countries[c].advisory_capability += level * advisory;
        const std::size_t d = index(Area::discrimination);
        if (gender_training > 0 && trained_detection > base.detection[d])
            in.detection[d] += level * gender_training * (trained_detection - base.detection[d]);
        if (legal_remedies > 0) {
            // Claims for back pay, compensation and reinstatement: areas with an identifiable victim.
            const double cost = level * legal_remedies * remedy_claim_rate * base.sanction_months * s.countries[c].rule_of_law;
            for (Area a : {Area::osh, Area::wages, Area::working_time, Area::contracts, Area::freedom_of_association, Area::discrimination})
                p.countries[c].deterrence_months[index(a)] += cost;
        }
    }
}

}  // namespace supplysim
