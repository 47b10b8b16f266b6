#include "supplysim/phases/subcontracting.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>

namespace supplysim {

namespace {
// Normal weekly hours as a share of the legal limit; the rest of the limit is lawful overtime.
constexpr double normal_hours_share = 0.9;
}  // namespace

double subcontract_share(const ProductionParameters& p, double price_pressure, double lead_time_weeks) {
    const double rush = std::max(0.0, (p.short_lead_time_weeks - lead_time_weeks) / p.short_lead_time_weeks);
    return std::clamp(p.subcontract_base + p.subcontract_price_weight * price_pressure +
                          p.subcontract_lead_time_weight * rush,
                      0.0, 1.0);
}

void produce_and_subcontract(World& w, const Scenario& s, const Policy& /*policy*/, int /*month*/) {
    const auto& p = s.parameters.production;
    auto& firms = w.firms;
    std::vector<float> passed_down(firms.size(), 0.0f);
    const auto& seg = w.segments;
    for (int t = 0; t < seg.tiers; ++t) {
        // 1. Every firm of tier t meets what it can and passes the rest down (independent per firm).
        for (int c = 0; c < seg.countries; ++c)
            for (int x = 0; x < seg.sectors; ++x) {
                const int sg = seg.of(c, x, t);
                const double limit = s.countries[c].hours_limit;
                const double share_down = subcontract_share(p, w.segment_pressure[sg], w.segment_lead_time[sg]);
                tbb::parallel_for(std::size_t(w.segment_firm_begin[sg]), std::size_t(w.segment_firm_begin[sg + 1]),
                                  [&](std::size_t f) {
                    const double positions = firms.workforce(f);
                    const bool lawful_hours = firms.complies(f, Area::working_time);
                    const double lawful_overtime = 1.0 / normal_hours_share - 1.0;
                    const double overtime_room = lawful_hours ? lawful_overtime : p.overtime_capacity + lawful_overtime;
                    const double excess = std::max(0.0, double(firms.orders[f]) - positions);
                    const bool last_tier = t + 1 == seg.tiers;
                    double down = last_tier ? 0.0 : excess * share_down;
                    double overtime = std::min(excess - down, positions * overtime_room);
                    if (!last_tier) down = excess - overtime;  // what overtime cannot meet goes down too
                    passed_down[f] = float(down);
                    const double worked = std::min(double(firms.orders[f]), positions) + overtime;
                    firms.utilisation[f] = float(positions > 0 ? std::min(1.0, worked / positions) : 0.0);
                    firms.weekly_hours[f] = float(limit * normal_hours_share *
                                                  (1.0 + (positions > 0 ? overtime / positions : 0.0)));
                });
            }
        if (t + 1 == seg.tiers) break;
        // 2. Pool what tier t passes down per (country, sector), summed in firm order (deterministic),
        //    and share it among tier t+1 firms by size, informal units taking a pressure-driven share.
        for (int c = 0; c < seg.countries; ++c)
            for (int x = 0; x < seg.sectors; ++x) {
                const int from = seg.of(c, x, t), to = seg.of(c, x, t + 1);
                double pool = 0;
                for (auto f = w.segment_firm_begin[from]; f < w.segment_firm_begin[from + 1]; ++f) pool += passed_down[f];
                if (pool <= 0) continue;
                double formal_size = 0, informal_size = 0;
                for (auto f = w.segment_firm_begin[to]; f < w.segment_firm_begin[to + 1]; ++f)
                    ((firms.kind[f] & firm_kind::informal) ? informal_size : formal_size) += firms.workforce(f);
                double to_informal = std::clamp(p.informal_subcontract_share * (0.5 + w.segment_pressure[from]), 0.0, 1.0);
                if (informal_size == 0) to_informal = 0;
                if (formal_size == 0) to_informal = 1;
                for (auto f = w.segment_firm_begin[to]; f < w.segment_firm_begin[to + 1]; ++f) {
                    const bool informal = firms.kind[f] & firm_kind::informal;
                    const double part = informal ? to_informal * firms.workforce(f) / informal_size
                                                 : (1 - to_informal) * firms.workforce(f) / formal_size;
                    firms.orders[f] += float(pool * part);
                    firms.subcontracted_in[f] += float(pool * part);
                }
            }
    }
}

}  // namespace supplysim
