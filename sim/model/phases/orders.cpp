#include "supplysim/model/phases/orders.hpp"

#include <tbb/parallel_for.h>

#include <cmath>

#include "supplysim/model/population.hpp"

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

}  // namespace

void place_orders(World& w, const Scenario& s, const Policy& policy, const CounterRng& rng, int month) {
    const auto& p = s.parameters.production;
    refresh_segment_buyer_terms(w, s, policy);
    // Each buyer's demand this month: yearly cycle (peak before the northern autumn season) and noise.
    // Steps count from the start of the spin-up, so the calendar month is offset by it.
    const int calendar_month = ((s.start.month - 1 + month - s.parameters.production.spin_up_months) % 12 + 12) % 12;
    const double cycle = 1.0 + p.seasonality * std::sin(6.283185307179586 * calendar_month / 12.0);
    std::vector<double> demand(s.buyers.size());
    for (std::size_t b = 0; b < s.buyers.size(); ++b) {
        const auto u = rng.uniforms(std::uint32_t(month), std::uint32_t(b), Purpose::orders, 1);
        demand[b] = cycle * std::exp(p.demand_noise * CounterRng::normal(u[0], u[1]) -
                                     0.5 * p.demand_noise * p.demand_noise);
    }
    auto& firms = w.firms;
    for_each_firm(w, 0, firms.size(), [&](std::size_t f) {
        const auto u = rng.uniforms(std::uint32_t(month), std::uint32_t(f), Purpose::orders, 0);
        const double own_noise = std::exp(0.05 * CounterRng::normal(u[0], u[1]) - 0.00125);
        const double positions = firms.workforce(f);
        // Tier 1 works to buyers' orders; lower tiers have steadier domestic work of their own
        // and receive the rest from above in the subcontracting phase.
        const int segment = w.segments.of(firms.country[f], firms.sector[f], firms.tier[f]);
        const double level = firms.tier[f] == 0
                                 ? p.base_utilisation * demand[firms.buyer[f]] / (1.0 - w.segment_base_share_down[segment])
                                 : p.domestic_orders;
        firms.orders[f] = float(positions * level * own_noise);
        firms.subcontracted_in[f] = 0;
        // Margins recover from sanctions towards the sector's normal margin, eroded by price pressure.
        const int seg = w.segments.of(firms.country[f], firms.sector[f], firms.tier[f]);
        const double normal = w.sector_margin[firms.sector[f]] * (1.25 - 0.5 * w.segment_pressure[seg]);
        firms.margin[f] = float(0.9 * firms.margin[f] + 0.1 * normal);
    });
}

}  // namespace supplysim
