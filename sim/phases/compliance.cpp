#include "supplysim/phases/compliance.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

namespace supplysim {

double comply_probability(const ComplianceParameters& p, const CountryPolicy& country, Area area,
                          const ComplianceInputs& in) {
    const std::size_t a = index(area);
    const auto& insp = country.inspectorate;
    const double finds = insp.detection[a] * (1.0 - 0.5 * insp.announced_share);
    // Expected sanction per month, in months of the area's compliance cost.
    const double inspection_cost = in.perceived_visit_rate * finds * insp.sanction_months * country.rule_of_law;
    const double audit_cost = in.audit_rate * in.audit_detection * insp.detection[a] * p.audit_reputation_months;
    const double law = country.law_strength[a] * (in.informal ? 0.3 : 1.0);
    const double x = p.base_logit + p.area_logit[a] + p.deterrence_weight * (inspection_cost + audit_cost) -
                     p.cost_weight * p.area_cost[a] * (1.0 + p.price_pressure_weight * in.price_pressure) * in.margin_squeeze +
                     p.capability_weight * (in.capability - 0.5) + p.peer_weight * (in.peer_share - 0.5) +
                     p.law_weight * (law - 0.5);
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
    in.margin_squeeze = std::clamp(double(w.sector_margin[firms.sector[f]]) / std::max(0.005, double(firms.margin[f])), 0.5, 4.0);
    in.peer_share = w.peer_compliance[seg][index(area)];
    in.informal = firms.kind[f] & firm_kind::informal;
    return in;
}

void decide_compliance(World& w, const Scenario& s, const Policy& policy, const CounterRng& rng, int month) {
    const auto& p = s.parameters.compliance;
    auto& firms = w.firms;
    tbb::parallel_for(std::size_t(0), firms.size(), [&](std::size_t f) {
        // One uniform per area: below review_rate the firm reviews the area, and the same draw rescaled
        // decides the outcome, so each area costs a single random number.
        const auto u0 = rng.uniforms(month, std::uint32_t(f), Purpose::compliance, 0);
        const auto u1 = rng.uniforms(month, std::uint32_t(f), Purpose::compliance, 1);
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
