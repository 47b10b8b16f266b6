#include "supplysim/model/phases/programmes.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "supplysim/model/levers/programme.hpp"

namespace supplysim {

namespace {

// Small worlds (sweeps of small runs) loop on the calling thread: a month's work per phase is then
// smaller than the cost of a parallel_for. Firms are independent in these loops, so the order of the
// firms cannot change a result (docs/performance.md, round 2).
template <class Body>
void for_each_firm(const World& w, std::size_t begin, std::size_t end, const Body& body) {
    if (w.workers.size() < 16384) {
        for (std::size_t f = begin; f < end; ++f) body(f);
        return;
    }
    tbb::parallel_for(begin, end, body);
}


bool eligible(const World& w, const Intervention& iv, std::size_t f) {
    const auto& firms = w.firms;
    return iv.where.segment(firms.country[f], firms.sector[f], firms.tier[f]) && iv.where.kind(firms.kind[f]) &&
           iv.where.buyer(firms.buyer[f]);
}

void register_informal(World& w, const Policy& policy, const CounterRng& rng, int step) {
    auto& firms = w.firms;
    auto& workers = w.workers;
    for_each_firm(w, 0, firms.size(), [&](std::size_t f) {
        const auto& cp = policy.countries[firms.country[f]];
        if (cp.firm_registration_per_year <= 0 && cp.worker_registration <= 0) return;
        const auto u = rng.uniforms(std::uint32_t(step), std::uint32_t(f), Purpose::registration, 0);
        if ((firms.kind[f] & firm_kind::informal) && (cp.register_homework || !(firms.kind[f] & firm_kind::homework)) &&
            u[0] < cp.firm_registration_per_year / 12.0)
            firms.kind[f] &= std::uint8_t(~firm_kind::informal);
        if (cp.worker_registration <= 0 || (firms.kind[f] & firm_kind::informal) || !firms.complies(f, Area::contracts)) return;
        for (auto i = firms.worker_begin[f]; i < firms.worker_begin[f + 1]; ++i) {
            if (!(workers.status[i] & status::informal)) continue;
            if (rng.uniforms(std::uint32_t(step), i, Purpose::registration, 1)[0] < cp.worker_registration)
                workers.status[i] &= std::uint8_t(~status::informal);
        }
    });
}

}  // namespace

void run_programmes(World& w, const Scenario& s, const Policy& policy, const CounterRng& rng, int step, int month) {
    auto& firms = w.firms;
    const std::size_t nf = firms.size();
    std::vector<std::size_t> programmes;  // indices into s.interventions
    for (std::size_t i = 0; i < s.interventions.size(); ++i)
        if (s.interventions[i].lever->programme()) programmes.push_back(i);
    if (firms.programme_flags.size() != nf) {
        firms.programme_flags.assign(nf, 0);
        firms.programme_logit.assign(nf, PerArea<float>{});
        w.programme_joined.assign(programmes.size(), std::vector<std::int16_t>(nf, -1));
    }
    if (month < 0) return;
    register_informal(w, policy, rng, step);
    if (programmes.empty()) return;
    std::fill(firms.programme_flags.begin(), firms.programme_flags.end(), 0);
    std::fill(firms.programme_logit.begin(), firms.programme_logit.end(), PerArea<float>{});
    const auto& cp = s.parameters.compliance;

    for (std::size_t k = 0; k < programmes.size(); ++k) {
        const auto& iv = s.interventions[programmes[k]];
        const FirmProgramme& prog = *iv.lever->programme();
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
                const double u = rng.uniforms(0, std::uint32_t(f), Purpose::programme_enrolment, 4096 + block)[0];
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
            // Orders pull margins towards normal by a tenth each month; this keeps them higher by the gain.
            firms.margin[f] += float(0.1 * prog.productivity_gain * w.sector_margin[firms.sector[f]]);
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
                const double correct = cp.correction_rate * (0.5 + firms.capability[f]) * (0.5 + prog.correction_support);
                if (draws[a] / detect < correct) firms.compliant[f] |= std::uint8_t(1u << a);
            }
        });
    }
}

void count_programme_outcomes(const World& w, const Scenario& s, const Policy& policy, const CounterRng& rng, int step,
                              CellCounters& cells) {
    if (s.interventions.empty()) return;
    const auto& firms = w.firms;
    const auto& workers = w.workers;
    const bool flags = !firms.programme_flags.empty();
    // Serial: a few additions per employed worker, only in scenarios with interventions; integer counts
    // keep the result independent of any thread count.
    for (std::size_t f = 0; f < firms.size(); ++f) {
        const auto& cp = policy.countries[firms.country[f]];
        const std::uint8_t pf = flags ? firms.programme_flags[f] : 0;
        const bool cover = cp.injury_cover_formal > 0 || cp.injury_cover_informal > 0;
        if (pf == 0 && !cover) continue;
        const int seg = w.segments.of(firms.country[f], firms.sector[f], firms.tier[f]);
        const auto begin = firms.worker_begin[f], end = firms.worker_begin[f + 1];
        const auto employed = std::min(end, begin + std::uint32_t(std::lround(firms.utilisation[f] * double(end - begin))));
        for (auto i = begin; i < employed; ++i) {
            const std::uint8_t st = workers.status[i];
            const bool informal = st & status::informal;
            std::uint64_t* c = &cells[std::size_t(GroupLayout::cell_of(seg, workers.demography[i], informal)) * counter_count];
            c[c_better_work] += (pf & programme_flag::better_work) != 0;
            c[c_programme] += (pf & programme_flag::enterprise) != 0;
            c[c_ifa] += (pf & programme_flag::ifa) != 0;
            if (cover && (st & status::injured)) {
                const double u = rng.uniforms(std::uint32_t(step), i, Purpose::registration, 2)[0];
                c[c_injury_compensated] += u < (informal ? cp.injury_cover_informal : cp.injury_cover_formal);
            }
        }
    }
}

}  // namespace supplysim
