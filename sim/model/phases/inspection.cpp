#include "supplysim/model/phases/inspection.hpp"

#include <algorithm>

#include "model/firm_loop.hpp"
#include "supplysim/model/levers/programme.hpp"

namespace supplysim {

double monthly_visits(const Inspectorate& insp, std::int64_t workers) {
    return insp.inspectors_per_10k_workers * double(workers) / 1e4 * insp.visits_per_inspector_month;
}

double visit_weight(const World& w, const Inspectorate& insp, std::size_t f) {
    const auto& firms = w.firms;
    double reach = insp.reach_by_tier[firms.tier[f]];
    if (firms.kind[f] & firm_kind::epz) reach *= insp.reach_epz;
    if (firms.kind[f] & firm_kind::informal) reach *= insp.reach_informal;
    switch (insp.targeting) {
        case Targeting::random: return reach;
        case Targeting::risk_based: {
            // Observable risk only: past sanctions, lower tiers, small firms; not true compliance.
            const double risk = 1.0 + 10.0 * firms.sanction_risk[f] + 0.5 * firms.tier[f] +
                                ((firms.kind[f] & firm_kind::sme) ? 0.5 : 0.0);
            return reach * risk;
        }
        case Targeting::complaint_driven:
            return reach * (0.2 + double(firms.complaints[f]) / std::max(1u, firms.workforce(f)) * 100.0);
    }
    return reach;
}

void inspect_and_audit(World& w, const Scenario& s, const Policy& policy, const CounterRng& rng, int step) {
    const auto& cp = s.parameters.compliance;
    auto& firms = w.firms;
    const auto& seg = w.segments;
    std::vector<double> visit_prob(firms.size(), 0.0);
    for (int c = 0; c < seg.countries; ++c) {
        const auto& insp = policy.countries[c].inspectorate;
        const std::size_t b = w.segment_firm_begin[seg.of(c, 0, 0)];
        const std::size_t e = w.segment_firm_begin[seg.of(c, 0, 0) + seg.sectors * seg.tiers];
        // Visits this month, scaled to the modelled workforce; follow-ups come out of the same budget.
        const double visits = monthly_visits(insp, s.countries[c].workers);
        double weight_sum = 0, follow_ups = 0;
        for (std::size_t f = b; f < e; ++f) {
            visit_prob[f] = visit_weight(w, insp, f);
            // Sector campaigns (interventions) raise the priority of their segments.
            if (!policy.segments.empty())
                visit_prob[f] *= policy.segments[std::size_t(seg.of(c, firms.sector[f], firms.tier[f]))].visit_weight;
            weight_sum += visit_prob[f];
            follow_ups += firms.follow_up_step[f] == step;
        }
        const double routine = std::max(0.0, visits - follow_ups);
        for (std::size_t f = b; f < e; ++f)
            visit_prob[f] = firms.follow_up_step[f] == step
                                ? 1.0
                                : (weight_sum > 0 ? std::min(1.0, routine * visit_prob[f] / weight_sum) : 0.0);
    }

    for_each_firm(w, 0, firms.size(), [&](std::size_t f) {
        const auto& country = policy.countries[firms.country[f]];
        const auto& insp = country.inspectorate;
        const auto& buyer = policy.buyers[firms.buyer[f]];
        const auto u = rng.uniforms(step, std::uint32_t(f), Purpose::inspection, 0);
        // The risk perception a past sanction raised persists at the rate sanction_memory per month.
        firms.sanction_risk[f] *= float(cp.sanction_memory);
        firms.inspected[f] = u[0] < visit_prob[f];
        const int sg = seg.of(firms.country[f], firms.sector[f], firms.tier[f]);
        firms.audited[f] = u[1] < w.segment_audit_rate[sg];
        // Buyers that rely on a programme's assessments (Better Work) do not audit its factories.
        if (!firms.programme_flags.empty() && (firms.programme_flags[f] & programme_flag::replaces_audits)) firms.audited[f] = 0;
        // Advisory visits (strategic compliance) build management capability.
        if (firms.inspected[f] && country.advisory_capability > 0)
            firms.capability[f] += float(country.advisory_capability * (1.0 - firms.capability[f]));
        if (firms.follow_up_step[f] == step) firms.follow_up_step[f] = -1;
        if (!firms.inspected[f] && !firms.audited[f]) return;

        const bool announced = u[2] < insp.announced_share;
        const auto d0 = rng.uniforms(step, std::uint32_t(f), Purpose::inspection, 1);
        const auto d1 = rng.uniforms(step, std::uint32_t(f), Purpose::inspection, 2);
        const auto k0 = rng.uniforms(step, std::uint32_t(f), Purpose::inspection, 3);
        const auto k1 = rng.uniforms(step, std::uint32_t(f), Purpose::inspection, 4);
        const double detect_u[area_count] = {d0[0], d0[1], d0[2], d0[3], d1[0], d1[1], d1[2], d1[3]};
        const double correct_u[area_count] = {k0[0], k0[1], k0[2], k0[3], k1[0], k1[1], k1[2], k1[3]};
        int found = 0;
        for (std::size_t a = 0; a < area_count; ++a) {
            if (firms.compliant[f] & (1u << a)) continue;
            double p_detect = 0;
            if (firms.inspected[f]) p_detect = insp.detection[a] * (announced ? 1.0 - cp.announced_concealment : 1.0);
            if (firms.audited[f]) p_detect = std::max(p_detect, insp.detection[a] * buyer.audit_detection);
            if (detect_u[a] >= p_detect) continue;
            ++found;
            // A found violation is corrected with a chance that rises with management capability;
            // audits ask for corrective action plans but carry no legal sanction.
            const double correct = cp.correction_rate * (cp.correction_capability_base + firms.capability[f]) *
                                   (firms.inspected[f] ? 1.0 : cp.audit_correction_factor);
            if (correct_u[a] < correct) firms.compliant[f] |= std::uint8_t(1u << a);
        }
        if (found > 0 && firms.inspected[f]) {
            firms.sanction_risk[f] = std::min(1.0f, firms.sanction_risk[f] + float(cp.sanction_risk_boost * country.rule_of_law));
            firms.margin[f] -= float(cp.sanction_margin_hit * found * insp.sanction_months * country.rule_of_law);
            if (u[3] < insp.follow_up_share) firms.follow_up_step[f] = std::int16_t(step + insp.follow_up_delay_months);
        }
    });

    // The visit rate each segment observed this month shapes next month's perceived risk: firms learn
    // slowly, keeping most of last month's perception (single precision, as the rate is stored).
    const float perception_update = float(cp.perception_update), perception_kept = float(1.0 - cp.perception_update);
    for (int sg = 0; sg < seg.count(); ++sg) {
        const auto b = w.segment_firm_begin[sg], e = w.segment_firm_begin[sg + 1];
        if (b == e) continue;
        int visited = 0;
        for (auto f = b; f < e; ++f) visited += firms.inspected[f];
        w.segment_inspection_rate[sg] = perception_kept * w.segment_inspection_rate[sg] + perception_update * float(visited) / float(e - b);
    }
}

}  // namespace supplysim
