#include "supplysim/model/population.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "model/rng_batch.hpp"
#include "supplysim/model/phases/compliance.hpp"
#include "supplysim/model/phases/subcontracting.hpp"

namespace supplysim {

namespace {

// Splits `total` workers into `n` firm sizes drawn around the mean (lognormal), summing exactly to total.
std::vector<std::uint32_t> firm_sizes(std::int64_t total, double mean_size, const CounterRng& rng,
                                      std::uint32_t segment) {
    const auto n = static_cast<std::size_t>(std::max<std::int64_t>(1, std::llround(double(total) / mean_size)));
    std::vector<double> weight(n);
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        auto u = rng.uniforms(0, std::uint32_t(i), Purpose::build_firm, 16 + segment);
        weight[i] = std::exp(0.7 * CounterRng::normal(u[0], u[1]));
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

double clamp01(double x, double lo = 0.02, double hi = 0.98) { return std::clamp(x, lo, hi); }

}  // namespace

void refresh_segment_buyer_terms(World& w, const Scenario& s, const Policy& policy) {
    const int nseg = w.segments.count();
    w.segment_pressure.assign(nseg, 0);
    w.segment_lead_time.assign(nseg, 0);
    w.segment_audit_rate.assign(nseg, 0);
    for (int c = 0; c < w.segments.countries; ++c)
        for (int x = 0; x < w.segments.sectors; ++x) {
            double weight = 0, pressure = 0, lead = 0, audit = 0, reach = 0;
            for (std::size_t b = 0; b < s.buyers.size(); ++b) {
                if (s.buyers[b].sector != x) continue;
                const double wb = s.buyers[b].order_share * s.buyers[b].country_share[c];
                const auto& bp = policy.buyers[b];
                weight += wb;
                pressure += wb * bp.price_pressure;
                lead += wb * bp.lead_time_weeks;
                audit += wb * bp.audits_per_year / 12.0;
                reach += wb * bp.audit_reach_lower_tiers;
            }
            if (weight <= 0) continue;
            for (int t = 0; t < w.segments.tiers; ++t) {
                const int seg = w.segments.of(c, x, t);
                w.segment_pressure[seg] = float(pressure / weight);
                w.segment_lead_time[seg] = float(lead / weight);
                // Buyers audit tier 1; lower tiers only as far as the buyers' audits reach.
                w.segment_audit_rate[seg] = float(audit / weight * (t == 0 ? 1.0 : reach / weight));
            }
        }
}

void hire_worker(World& w, const Scenario& s, std::size_t f, std::uint32_t slot, const CounterRng& rng,
                 std::uint32_t month, Purpose purpose) {
    const auto& firms = w.firms;
    const auto& country = s.countries[firms.country[f]];
    const auto& sector = s.sectors[firms.sector[f]];
    const int tier = firms.tier[f];
    const bool informal_firm = firms.kind[f] & firm_kind::informal;
    // Blocks 0, 1 and 2 of the slot's draws in one go (philox_blocks): u, v and r below.
    std::uint32_t words[4][4];
    philox_blocks(rng, month, slot, purpose, words);
    const std::array<double, 4> u = {unit_of(words[0][0]), unit_of(words[1][0]), unit_of(words[2][0]), unit_of(words[3][0])};
    const std::array<double, 4> v = {unit_of(words[0][1]), unit_of(words[1][1]), unit_of(words[2][1]), unit_of(words[3][1])};
    // Lower tiers and informal units draw more on marginalised groups.
    const double margin_factor = 1.0 + 0.25 * tier + (informal_firm ? 0.5 : 0.0);
    std::uint8_t d = 0;
    if (u[0] < sector.female_share_by_tier[tier]) d |= demo::female;
    if (u[1] < std::min(1.0, country.migrant_share * margin_factor)) d |= demo::migrant;
    if (u[2] < country.disability_share) d |= demo::disabled;
    if (u[3] < std::min(1.0, country.minority_share * margin_factor)) d |= demo::minority;
    if (v[0] < std::min(1.0, country.indigenous_share * margin_factor)) d |= demo::indigenous;
    const bool child_risk = !firms.complies(f, Area::child_labour);
    demo::AgeBand age = demo::age_25_54;
    if (child_risk && v[1] < country.child_hire_risk * margin_factor) age = demo::under_18;
    else if (v[2] < country.youth_share) age = demo::age_18_24;
    else if (v[2] > 1.0 - country.older_share) age = demo::age_55_plus;
    d = demo::with_age(d, age);

    std::uint8_t st = 0;
    const bool informal = informal_firm || (!firms.complies(f, Area::contracts) &&
                                            v[3] < s.parameters.workers.informal_hire_share);
    if (informal) st |= status::informal;
    const std::array<double, 3> r = {unit_of(words[0][2]), unit_of(words[1][2]), unit_of(words[2][2])};
    w.workers.demography[slot] = d;
    w.workers.status[slot] = st;
    // Migrants arrive owing recruitment fees (exponential around the country's mean).
    w.workers.debt_months[slot] =
        (d & demo::migrant) ? std::uint8_t(std::min(60.0, -country.recruitment_fee_months * std::log(r[0]))) : 0;
    w.workers.wage_premium[slot] = float(std::exp(std::abs(s.parameters.workers.wage_premium_sd *
                                                           CounterRng::normal(r[1], r[2]))));
}

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
                    for (auto size : firm_sizes(seg_workers, tier.mean_firm_size, rng, std::uint32_t(seg))) {
                        if (size == 0) continue;
                        const auto f = std::uint32_t(firms.country.size());
                        const auto u = rng.uniforms(0, f, Purpose::build_firm, 0);
                        const auto v = rng.uniforms(0, f, Purpose::build_firm, 1);
                        std::uint8_t kind = 0;
                        if (size < 250) kind |= firm_kind::sme;
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
                        firms.capability.push_back(float(clamp01(tier.capability + 0.15 * CounterRng::normal(u[3], v[0]))));
                        firms.underpayment.push_back(float(std::clamp(
                            s.parameters.workers.underpayment_depth * (0.5 + v[1]), 0.02, 0.6)));
                        workers_so_far += size;
                        firms.worker_begin.push_back(workers_so_far);
                    }
                }
                w.segment_firm_begin.push_back(std::uint32_t(firms.country.size()));
                (void)seg;
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
    firms.follow_up_month.assign(nf, -1);
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
        const double visits = insp.inspectors_per_10k_workers * double(s.countries[c].workers) / 1e4 *
                              insp.visits_per_inspector_month;
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
