#include "supplysim/model/phases/programmes.hpp"

#include <algorithm>

#include "model/firm_loop.hpp"
#include "supplysim/model/levers/programme.hpp"

namespace supplysim {

namespace {

// Coverage draws are fixed per firm and programme (step 0), in blocks above the enrolment draws'
// (one block per programme) so the two never share a stream.
constexpr std::uint32_t coverage_draw_blocks = 4096;

bool eligible(const World& w, const Intervention& iv, std::size_t f) {
    const auto& firms = w.firms;
    return iv.where.segment(firms.country[f], firms.sector[f], firms.tier[f]) && iv.where.kind(firms.kind[f]) &&
           iv.where.buyer(firms.buyer[f]);
}

}  // namespace

void run_programmes(World& w, const Scenario& s, const Policy& policy, const CounterRng& rng, int step, int month) {
    auto& firms = w.firms;
    const std::size_t nf = firms.size();
    std::vector<std::size_t> programmes;  // indices into s.interventions
    for (std::size_t i = 0; i < s.interventions.size(); ++i)
        if (programme_of(s.interventions[i].lever)) programmes.push_back(i);
    if (firms.programme_flags.size() != nf) {
        firms.programme_flags.assign(nf, 0);
        firms.programme_logit.assign(nf, PerArea<float>{});
        w.programme_joined.assign(programmes.size(), std::vector<std::int16_t>(nf, -1));
    }
    if (month < 0 || programmes.empty()) return;
    std::fill(firms.programme_flags.begin(), firms.programme_flags.end(), 0);
    std::fill(firms.programme_logit.begin(), firms.programme_logit.end(), PerArea<float>{});
    const auto& cp = s.parameters.compliance;

    for (std::size_t k = 0; k < programmes.size(); ++k) {
        const auto& iv = s.interventions[programmes[k]];
        const FirmProgramme& prog = *programme_of(iv.lever);
        const double level = policy.levels[programmes[k]];
        if (level <= 0) continue;  // not started, or closed: enrolled firms keep what they learnt
        auto& joined = w.programme_joined[k];
        // Enrolment pace: a share of all eligible firms per year, spread over those not yet enrolled.
        double p_join = 0;
        if (!prog.by_coverage) {
            std::size_t n_eligible = 0, n_free = 0;
            for (std::size_t f = 0; f < nf; ++f)
                if (eligible(w, iv, f)) {
                    ++n_eligible;
                    n_free += joined[f] < 0;
                }
            if (n_free > 0)
                p_join = std::min(1.0, prog.enrolment_per_year / 12.0 * level * prog.uptake * double(n_eligible) / double(n_free));
        }
        const std::uint32_t block = std::uint32_t(k);
        for_each_firm(w, 0, nf, [&](std::size_t f) {
            if (!eligible(w, iv, f)) return;
            if (prog.by_coverage) {
                // A fixed draw per firm and programme: coverage grows with the lever's strength, and
                // the same firms stay covered.
                const double u = rng.uniforms(0, std::uint32_t(f), Purpose::programme_enrolment, coverage_draw_blocks + block)[0];
                if (u >= prog.coverage * level) return;
                if (joined[f] < 0) joined[f] = std::int16_t(month);
            } else if (joined[f] < 0) {
                const double u = rng.uniforms(std::uint32_t(step), std::uint32_t(f), Purpose::programme_enrolment, block)[0];
                if (u >= p_join) return;
                joined[f] = std::int16_t(month);
            }
            firms.programme_flags[f] |= prog.flags;
            const auto& country = policy.countries[firms.country[f]];
            const auto& detection = country.inspectorate.detection;
            // Checks deter: expected monthly cost of a finding, weighed like inspections and audits.
            const double check_rate = prog.checks_per_year / 12.0;
            for (std::size_t a = 0; a < area_count; ++a)
                firms.programme_logit[f][a] += float(prog.logit[a] + cp.deterrence_weight * check_rate *
                                                                         std::min(1.0, prog.check_detection * detection[a]) *
                                                                         prog.finding_cost_months);
            if (firms.capability[f] < prog.capability_ceiling)
                firms.capability[f] += float(prog.capability_gain_per_year / 12.0 * (prog.capability_ceiling - firms.capability[f]));
            // Orders pull margins towards normal by margin_recovery each month; this keeps them higher by the gain.
            firms.margin[f] += float(s.parameters.production.margin_recovery * prog.productivity_gain * w.sector_margin[firms.sector[f]]);
            if (check_rate <= 0) return;
            const auto u = rng.uniforms(std::uint32_t(step), std::uint32_t(f), Purpose::programme_check, 3 * block);
            if (u[0] >= check_rate) return;
            const auto d0 = rng.uniforms(std::uint32_t(step), std::uint32_t(f), Purpose::programme_check, 3 * block + 1);
            const auto d1 = rng.uniforms(std::uint32_t(step), std::uint32_t(f), Purpose::programme_check, 3 * block + 2);
            const double draws[area_count] = {d0[0], d0[1], d0[2], d0[3], d1[0], d1[1], d1[2], d1[3]};
            for (std::size_t a = 0; a < area_count; ++a) {
                if (firms.compliant[f] & (1u << a)) continue;
                const double detect = std::min(1.0, prog.check_detection * detection[a]);
                // One draw decides detection and, rescaled, correction.
                if (draws[a] >= detect) continue;
                const double correct = cp.correction_rate * (cp.correction_capability_base + firms.capability[f]) *
                                       (cp.programme_correction_base + prog.correction_support);
                if (draws[a] / detect < correct) firms.compliant[f] |= std::uint8_t(1u << a);
            }
        });
    }
}

}  // namespace supplysim
