#include "supplysim/model/policy.hpp"

#include <algorithm>

#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/levers/lever.hpp"

namespace supplysim {

namespace {

double clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

// Keeps every value in its valid range after all deltas are added (once, so the order of the deltas
// cannot matter), and passes buyers' subcontracting factors on to the segments they source from.
void finish(Policy& p, const Scenario& s) {
    for (auto& c : p.countries) {
        for (auto& v : c.law_strength) v = clamp01(v);
        for (auto& v : c.deterrence_months) v = std::max(0.0, v);
        for (auto& v : c.cost_factor) v = std::max(0.0, v);
        auto& in = c.inspectorate;
        for (auto& v : in.detection) v = clamp01(v);
        for (auto& v : in.reach_by_tier) v = clamp01(v);
        in.inspectors_per_10k_workers = std::max(0.0, in.inspectors_per_10k_workers);
        in.announced_share = clamp01(in.announced_share);
        in.follow_up_share = clamp01(in.follow_up_share);
        in.sanction_months = std::max(0.0, in.sanction_months);
        in.reach_epz = clamp01(in.reach_epz);
        in.reach_informal = clamp01(in.reach_informal);
        c.rule_of_law = clamp01(c.rule_of_law);
        c.union_density = std::clamp(c.union_density, 0.0, 0.95);
        c.epz_union_access = clamp01(c.epz_union_access);
        c.advisory_capability = clamp01(c.advisory_capability);
        c.firm_registration_per_year = clamp01(c.firm_registration_per_year);
        c.worker_registration = clamp01(c.worker_registration);
        c.injury_cover_formal = clamp01(c.injury_cover_formal);
        c.injury_cover_informal = clamp01(c.injury_cover_informal);
    }
    for (auto& b : p.buyers) {
        b.price_pressure = clamp01(b.price_pressure);
        b.lead_time_weeks = std::clamp(b.lead_time_weeks, 0.1, 52.0);
        b.audits_per_year = std::max(0.0, b.audits_per_year);
        b.audit_detection = clamp01(b.audit_detection);
        b.audit_reach_lower_tiers = clamp01(b.audit_reach_lower_tiers);
        b.audit_cost_months = std::max(0.0, b.audit_cost_months);
        b.lower_tier_cost_months = std::max(0.0, b.lower_tier_cost_months);
        b.subcontract_factor = std::max(0.0, b.subcontract_factor);
        b.informal_subcontract_factor = std::max(0.0, b.informal_subcontract_factor);
    }
    for (int c = 0; c < int(s.countries.size()); ++c)
        for (int x = 0; x < p.sectors; ++x) {
            double weight = 0, down = 0, informal = 0;
            for (std::size_t b = 0; b < s.buyers.size(); ++b) {
                if (s.buyers[b].sector != x) continue;
                const double wb = s.buyers[b].order_share * s.buyers[b].country_share[std::size_t(c)];
                weight += wb;
                down += wb * p.buyers[b].subcontract_factor;
                informal += wb * p.buyers[b].informal_subcontract_factor;
            }
            if (weight <= 0) continue;
            for (int t = 0; t < p.tiers; ++t) {
                auto& sg = p.segment(c, x, t);
                sg.subcontract_factor = std::max(0.0, sg.subcontract_factor * down / weight);
                sg.informal_subcontract_factor = std::max(0.0, sg.informal_subcontract_factor * informal / weight);
                sg.visit_weight = std::max(0.0, sg.visit_weight);
            }
        }
}

}  // namespace

Policy policy_for_month(const Scenario& s, int month) {
    Policy p;
    p.countries.reserve(s.countries.size());
    for (const auto& c : s.countries) {
        CountryPolicy cp;
        static_cast<CountryInstitutions&>(cp) = c;
        p.countries.push_back(cp);
    }
    p.buyers.reserve(s.buyers.size());
    for (const auto& b : s.buyers) {
        BuyerPolicy bp;
        static_cast<BuyerPractices&>(bp) = b;
        bp.audit_cost_months = s.parameters.compliance.audit_reputation_months;
        p.buyers.push_back(bp);
    }
    p.sectors = int(s.sectors.size());
    p.tiers = int(s.tiers.size());
    p.segments.assign(s.countries.size() * s.sectors.size() * s.tiers.size(), SegmentPolicy{});
    p.levels.assign(s.interventions.size(), 0.0);
    if (month < 0 || s.interventions.empty()) return p;

    // Tripartite consultation (C144) speeds the uptake of other levers in its countries.
    std::vector<double> speed(s.countries.size(), 1.0);
    for (const auto& iv : s.interventions)
        if (const double gain = uptake_speed_gain(iv.lever); gain > 0) {
            const double l = iv.level(month);
            for (std::size_t c = 0; c < s.countries.size(); ++c)
                if (iv.where.country(int(c))) speed[c] += gain * l;
        }
    for (std::size_t i = 0; i < s.interventions.size(); ++i) {
        const auto& iv = s.interventions[i];
        double sp = 1.0;
        if (uptake_speed_gain(iv.lever) <= 0)
            for (std::size_t c = 0; c < s.countries.size(); ++c)
                if (iv.where.country(int(c))) sp = std::max(sp, speed[c]);
        const double l = iv.level(month, sp);
        p.levels[i] = l;
        if (l > 0) add_to_policy(iv.lever, p, s, iv.where, l);
    }
    finish(p, s);
    return p;
}

}  // namespace supplysim
