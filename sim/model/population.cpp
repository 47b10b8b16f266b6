#include "supplysim/model/population.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "supplysim/model/buyer_terms.hpp"
#include "supplysim/model/hiring.hpp"
#include "supplysim/model/phases/compliance.hpp"
#include "supplysim/model/phases/inspection.hpp"
#include "supplysim/model/phases/subcontracting.hpp"

namespace supplysim {

namespace {

// Splits `total` workers into `n` firm sizes drawn around the mean (lognormal), summing exactly to total.
std::vector<std::uint32_t> firm_sizes(std::int64_t total, double mean_size, double size_sd, const CounterRng& rng,
                                      std::uint32_t segment) {
    const auto n = static_cast<std::size_t>(std::max<std::int64_t>(1, std::llround(double(total) / mean_size)));
    std::vector<double> weight(n);
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        auto u = rng.uniforms(0, std::uint32_t(i), Purpose::build_firm, 16 + segment);
        weight[i] = std::exp(size_sd * CounterRng::normal(u[0], u[1]));
        sum += weight[i];
    }
    std::vector<std::uint32_t> size(n);
    std::int64_t given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        size[i] = static_cast<std::uint32_t>(std::floor(double(total) * weight[i] / sum));
        given += size[i];
    }
    for (std::size_t i = 0; given < total; i = (i + 1) % n, ++given) ++size[i];
    return size;
}

int pick(const std::vector<double>& weights, double u) {
    double sum = 0;
    for (double w : weights) sum += w;
    double acc = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        acc += weights[i] / sum;
        if (u < acc) return int(i);
    }
    return int(weights.size()) - 1;
}

// Management capability stays inside (0, 1): no firm is perfectly or not at all capable.
double capability_in_range(double x) { return std::clamp(x, 0.02, 0.98); }

}  // namespace

World build_world(const Scenario& s, const Policy& policy, const CounterRng& rng) {
    World w;
    w.segments = {int(s.countries.size()), int(s.sectors.size()), int(s.tiers.size())};
    const int nseg = w.segments.count();
    auto& firms = w.firms;
    std::uint32_t workers_so_far = 0;
    firms.worker_begin.push_back(0);
    w.segment_firm_begin.push_back(0);
    for (int c = 0; c < w.segments.countries; ++c)
        for (int x = 0; x < w.segments.sectors; ++x)
            for (int t = 0; t < w.segments.tiers; ++t) {
                const auto& country = s.countries[c];
                const auto& tier = s.tiers[t];
                const int seg = w.segments.of(c, x, t);
                const auto seg_workers = std::llround(double(country.workers) * s.sectors[x].country_share[c] *
                                                      tier.worker_share);
                if (seg_workers > 0) {
                    for (auto size : firm_sizes(seg_workers, tier.mean_firm_size, tier.firm_size_sd, rng, std::uint32_t(seg))) {
                        if (size == 0) continue;
                        const auto f = std::uint32_t(firms.country.size());
                        const auto u = rng.uniforms(0, f, Purpose::build_firm, 0);
                        const auto v = rng.uniforms(0, f, Purpose::build_firm, 1);
                        std::uint8_t kind = 0;
                        if (size < std::uint32_t(s.parameters.sme_below_workers)) kind |= firm_kind::sme;
                        if (t == 0 && u[0] < country.epz_share) kind |= firm_kind::epz;
                        if (u[1] < std::min(1.0, country.informality * tier.informality_exposure))
                            kind |= firm_kind::informal;
                        if (tier.homework) kind |= firm_kind::homework;
                        std::vector<double> buyer_weight(s.buyers.size(), 0.0);
                        for (std::size_t b = 0; b < s.buyers.size(); ++b)
                            if (s.buyers[b].sector == x)
                                buyer_weight[b] = s.buyers[b].order_share * s.buyers[b].country_share[c];
                        firms.country.push_back(std::uint16_t(c));
                        firms.sector.push_back(std::uint16_t(x));
                        firms.tier.push_back(std::uint8_t(t));
                        firms.kind.push_back(kind);
                        firms.buyer.push_back(std::uint16_t(pick(buyer_weight, u[2])));
                        firms.capability.push_back(float(capability_in_range(tier.capability + tier.capability_sd * CounterRng::normal(u[3], v[0]))));
                        firms.underpayment.push_back(float(std::clamp(
                            s.parameters.workers.underpayment_depth * (s.parameters.workers.underpayment_spread + v[1]), 0.02,
                            s.parameters.workers.underpayment_max)));
                        workers_so_far += size;
                        firms.worker_begin.push_back(workers_so_far);
                    }
                }
                w.segment_firm_begin.push_back(std::uint32_t(firms.country.size()));
            }
    const std::size_t nf = firms.size();
    firms.compliant.assign(nf, 0);
    firms.orders.assign(nf, 0);
    firms.subcontracted_in.assign(nf, 0);
    firms.utilisation.assign(nf, 1);
    firms.weekly_hours.assign(nf, 0);
    firms.sanction_risk.assign(nf, 0);
    firms.margin.resize(nf);
    for (std::size_t f = 0; f < nf; ++f) firms.margin[f] = float(s.sectors[firms.sector[f]].margin);
    firms.follow_up_step.assign(nf, -1);
    firms.inspected.assign(nf, 0);
    firms.audited.assign(nf, 0);
    firms.complaints.assign(nf, 0);

    for (const auto& sector : s.sectors) w.sector_margin.push_back(float(sector.margin));
    refresh_segment_buyer_terms(w, s, policy);
    // Buyers size their orders to the chain as it is organised at the start: tier 1 keeps
    // (1 - share passed down) of them. Later changes in pressure shift work between tiers.
    w.segment_base_share_down.assign(nseg, 0);
    for (int sg = 0; sg < nseg; ++sg)
        w.segment_base_share_down[sg] = float(subcontract_share(s.parameters.production, w.segment_pressure[sg], w.segment_lead_time[sg]));
    w.segment_inspection_rate.assign(nseg, 0);
    // Expected visit rate per segment from the inspectorate's size, so firms start out with a
    // realistic perception of the risk instead of none.
    for (int c = 0; c < w.segments.countries; ++c) {
        const auto& insp = policy.countries[c].inspectorate;
        const std::size_t begin = w.segment_firm_begin[w.segments.of(c, 0, 0)];
        const std::size_t end = w.segment_firm_begin[w.segments.of(c, 0, 0) + w.segments.sectors * w.segments.tiers];
        const double visits = monthly_visits(insp, s.countries[c].workers);
        if (end > begin)
            for (int x = 0; x < w.segments.sectors; ++x)
                for (int t = 0; t < w.segments.tiers; ++t)
                    w.segment_inspection_rate[w.segments.of(c, x, t)] =
                        float(std::min(1.0, visits / double(end - begin) * insp.reach_by_tier[t]));
    }

    // Start compliance at each segment's equilibrium: iterate the peer share of a typical firm to its
    // fixed point, then draw each firm's state from its own probability at that peer share.
    w.peer_compliance.assign(nseg, PerArea<float>{});
    for (int seg = 0; seg < nseg; ++seg) {
        const std::size_t b = w.segment_firm_begin[seg], e = w.segment_firm_begin[seg + 1];
        if (b == e) continue;
        for (std::size_t a = 0; a < area_count; ++a) {
            double share = 0.5;
            for (int iter = 0; iter < 30; ++iter) {
                double sum = 0;
                w.peer_compliance[seg][a] = float(share);
                for (std::size_t f = b; f < e; ++f)
                    sum += comply_probability(s.parameters.compliance, policy.countries[firms.country[f]],
                                              Area(a), compliance_inputs(w, policy, f, Area(a)));
                share = sum / double(e - b);
            }
            w.peer_compliance[seg][a] = float(share);
        }
    }
    for (std::size_t f = 0; f < nf; ++f) {
        const auto u0 = rng.uniforms(0, std::uint32_t(f), Purpose::build_firm, 2);
        const auto u1 = rng.uniforms(0, std::uint32_t(f), Purpose::build_firm, 3);
        const double u[area_count] = {u0[0], u0[1], u0[2], u0[3], u1[0], u1[1], u1[2], u1[3]};
        for (std::size_t a = 0; a < area_count; ++a) {
            const double p = comply_probability(s.parameters.compliance, policy.countries[firms.country[f]],
                                                Area(a), compliance_inputs(w, policy, f, Area(a)));
            if (u[a] < p) firms.compliant[f] |= std::uint8_t(1u << a);
        }
    }

    const std::size_t nw = workers_so_far;
    w.workers.demography.resize(nw);
    w.workers.status.resize(nw);
    w.workers.debt_months.resize(nw);
    w.workers.wage_premium.resize(nw);
    tbb::parallel_for(std::size_t(0), nf, [&](std::size_t f) {
        for (auto i = firms.worker_begin[f]; i < firms.worker_begin[f + 1]; ++i)
            hire_worker(w, s, f, i, rng, 0, Purpose::build_worker);
        // Initial union membership at the country's density where the firm respects organising.
        const auto& cp = policy.countries[firms.country[f]];
        for (auto i = firms.worker_begin[f]; i < firms.worker_begin[f + 1]; ++i) {
            const auto u = rng.uniforms(0, i, Purpose::build_worker, 3);
            const double density = cp.union_density * (firms.complies(f, Area::freedom_of_association) ? 1.0 : 0.0) *
                                   ((firms.kind[f] & firm_kind::epz) ? cp.epz_union_access : 1.0);
            if (!(w.workers.status[i] & status::informal) && u[0] < density)
                w.workers.status[i] |= status::union_member;
        }
    });
    return w;
}

}  // namespace supplysim
