#include "supplysim/model/phases/compliance.hpp"

#include <algorithm>
#include <cmath>

#include "model/firm_loop.hpp"
#include "supplysim/model/levers/programme.hpp"

namespace supplysim {

double comply_probability(const ComplianceParameters& p, const CountryPolicy& country, Area area,
                          const ComplianceInputs& in) {
    const std::size_t a = index(area);
    const auto& insp = country.inspectorate;
    const double finds = insp.detection[a] * (1.0 - p.announced_concealment * insp.announced_share);
    // Expected sanction per month, in months of the area's compliance cost.
    // Interventions add expected costs outside inspections (complaints, remedies, premiums).
    const double inspection_cost = in.perceived_visit_rate * finds * insp.sanction_months * country.rule_of_law +
                                   country.deterrence_months[a];
    const double audit_months = in.audit_cost_months < 0 ? p.audit_reputation_months : in.audit_cost_months;
    const double audit_cost = in.audit_rate * in.audit_detection * insp.detection[a] * audit_months;
    const double law = std::min(1.0, country.law_strength[a] + in.law_extra) * (in.informal ? p.informal_law_reach : 1.0);
    const double squeeze = std::clamp(in.margin_squeeze, p.squeeze_min, p.squeeze_max);
    const double x = p.base_logit + p.area_logit[a] + p.deterrence_weight * (inspection_cost + audit_cost) -
                     p.cost_weight * p.area_cost[a] * country.cost_factor[a] * (1.0 + p.price_pressure_weight * in.price_pressure) * squeeze +
                     p.capability_weight * (in.capability - 0.5) + p.peer_weight * (in.peer_share - 0.5) +
                     p.law_weight * (law - 0.5) + in.programme_logit;
    return 1.0 / (1.0 + std::exp(-x));
}

ComplianceInputs compliance_inputs(const World& w, const Policy& policy, std::size_t f, Area area) {
    const auto& firms = w.firms;
    const int seg = w.segments.of(firms.country[f], firms.sector[f], firms.tier[f]);
    const auto& buyer = policy.buyers[firms.buyer[f]];
    ComplianceInputs in;
    in.perceived_visit_rate = w.segment_inspection_rate[seg] + firms.sanction_risk[f];
    in.audit_rate = w.segment_audit_rate[seg];
    in.audit_detection = buyer.audit_detection;
    in.price_pressure = w.segment_pressure[seg];
    in.capability = firms.capability[f];
    // The floor only guards the division (margins can be driven to zero by sanctions).
    in.margin_squeeze = double(w.sector_margin[firms.sector[f]]) / std::max(0.005, double(firms.margin[f]));
    in.peer_share = w.peer_compliance[seg][index(area)];
    in.informal = firms.kind[f] & firm_kind::informal;
    // Interventions: buyers relying on a programme's reports stop auditing; liability raises the cost of
    // findings below tier 1; extended agreements add law; programmes shift the propensity directly.
    in.audit_cost_months = buyer.audit_cost_months + (firms.tier[f] > 0 ? buyer.lower_tier_cost_months : 0.0);
    if (!policy.segments.empty()) in.law_extra = policy.segments[std::size_t(seg)].law_extra[index(area)];
    if (!firms.programme_flags.empty()) {
        if (firms.programme_flags[f] & programme_flag::replaces_audits) in.audit_rate = 0;
        in.programme_logit = firms.programme_logit[f][index(area)];
    }
    return in;
}

void decide_compliance(World& w, const Scenario& s, const Policy& policy, const CounterRng& rng, int step) {
    const auto& p = s.parameters.compliance;
    auto& firms = w.firms;
    for_each_firm(w, 0, firms.size(), [&](std::size_t f) {
        // One uniform per area: below review_rate the firm reviews the area, and the same draw rescaled
        // decides the outcome, so each area costs a single random number.
        const auto u0 = rng.uniforms(step, std::uint32_t(f), Purpose::compliance, 0);
        const auto u1 = rng.uniforms(step, std::uint32_t(f), Purpose::compliance, 1);
        const double u[area_count] = {u0[0], u0[1], u0[2], u0[3], u1[0], u1[1], u1[2], u1[3]};
        std::uint8_t bits = firms.compliant[f];
        for (std::size_t a = 0; a < area_count; ++a) {
            if (u[a] >= p.review_rate) continue;
            const Area area = static_cast<Area>(a);
            const double prob = comply_probability(p, policy.countries[firms.country[f]], area,
                                                   compliance_inputs(w, policy, f, area));
            const bool comply = u[a] / p.review_rate < prob;
            bits = comply ? (bits | (1u << a)) : (bits & ~(1u << a));
        }
        firms.compliant[f] = bits;
    });
}

}  // namespace supplysim
