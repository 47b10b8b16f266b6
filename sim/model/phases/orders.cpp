#include "supplysim/model/phases/orders.hpp"

#include <cmath>

#include "model/firm_loop.hpp"
#include "supplysim/model/buyer_terms.hpp"

namespace supplysim {

namespace {
constexpr double two_pi = 6.283185307179586;
// Each firm's own month-to-month noise on its orders (log scale), and the correction that keeps its
// mean at 1 (0.5 x sd^2, written out so the value is exactly the one the model has always used).
constexpr double firm_order_noise_sd = 0.05;
constexpr double firm_order_noise_correction = 0.00125;
}  // namespace

void place_orders(World& w, const Scenario& s, const Policy& policy, const CounterRng& rng, int step) {
    const auto& p = s.parameters.production;
    refresh_segment_buyer_terms(w, s, policy);
    // Each buyer's demand this month: yearly cycle (peak_month, April by default: before the northern
    // autumn season) and noise. Steps count from the start of the spin-up, so the calendar month is
    // offset by it; the sine peaks a quarter of the year into its cycle.
    const int cycle_month = ((s.start.month - 1 + step - s.parameters.production.spin_up_months + 4 - p.peak_month) % 12 + 12) % 12;
    const double cycle = 1.0 + p.seasonality * std::sin(two_pi * cycle_month / 12.0);
    std::vector<double> demand(s.buyers.size());
    for (std::size_t b = 0; b < s.buyers.size(); ++b) {
        const auto u = rng.uniforms(std::uint32_t(step), std::uint32_t(b), Purpose::orders, 1);
        demand[b] = cycle * std::exp(p.demand_noise * CounterRng::normal(u[0], u[1]) -
                                     0.5 * p.demand_noise * p.demand_noise);
    }
    auto& firms = w.firms;
    for_each_firm(w, 0, firms.size(), [&](std::size_t f) {
        const auto u = rng.uniforms(std::uint32_t(step), std::uint32_t(f), Purpose::orders, 0);
        const double own_noise = std::exp(firm_order_noise_sd * CounterRng::normal(u[0], u[1]) - firm_order_noise_correction);
        const double positions = firms.workforce(f);
        // Tier 1 works to buyers' orders; lower tiers have steadier domestic work of their own
        // and receive the rest from above in the subcontracting phase.
        const int seg = w.segments.of(firms.country[f], firms.sector[f], firms.tier[f]);
        const double level = firms.tier[f] == 0
                                 ? p.base_utilisation * demand[firms.buyer[f]] / (1.0 - w.segment_base_share_down[seg])
                                 : p.domestic_orders;
        firms.orders[f] = float(positions * level * own_noise);
        firms.subcontracted_in[f] = 0;
        // The normal margin is eroded by price pressure; margins recover from sanctions towards it.
        const double normal = w.sector_margin[firms.sector[f]] * (p.margin_without_pressure - p.margin_pressure_erosion * w.segment_pressure[seg]);
        firms.margin[f] = float((1.0 - p.margin_recovery) * firms.margin[f] + p.margin_recovery * normal);
    });
}

}  // namespace supplysim
