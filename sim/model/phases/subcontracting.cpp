#include "supplysim/model/phases/subcontracting.hpp"

#include <algorithm>

#include "model/firm_loop.hpp"

namespace supplysim {

double subcontract_share(const ProductionParameters& p, double price_pressure, double lead_time_weeks) {
    const double rush = std::max(0.0, (p.short_lead_time_weeks - lead_time_weeks) / p.short_lead_time_weeks);
    return std::clamp(p.subcontract_base + p.subcontract_price_weight * price_pressure +
                          p.subcontract_lead_time_weight * rush,
                      0.0, 1.0);
}

void produce_and_subcontract(World& w, const Scenario& s, const Policy& policy, int /*step*/) {
    const auto& p = s.parameters.production;
    // Normal weekly hours as a share of the legal limit; the rest of the limit is lawful overtime.
    const double normal_hours_share = p.normal_hours_share;
    auto& firms = w.firms;
    std::vector<float> passed_down(firms.size(), 0.0f);
    const auto& seg = w.segments;
    for (int t = 0; t < seg.tiers; ++t) {
        const bool last_tier = t + 1 == seg.tiers;
        // 1. Each firm of tier t passes a pressure-driven share of its orders down, works the rest in
        //    the hours it allows itself, and passes down what those hours cannot meet.
        for (int c = 0; c < seg.countries; ++c)
            for (int x = 0; x < seg.sectors; ++x) {
                const int sg = seg.of(c, x, t);
                const double limit = s.countries[c].hours_limit;
                const double pressure = w.segment_pressure[sg];
                double share_down = last_tier ? 0.0 : subcontract_share(p, pressure, w.segment_lead_time[sg]);
                // Due diligence and liability (interventions) cut unauthorised subcontracting.
                if (!policy.segments.empty()) share_down = std::min(1.0, share_down * policy.segments[std::size_t(sg)].subcontract_factor);
                for_each_firm(w, std::size_t(w.segment_firm_begin[sg]), std::size_t(w.segment_firm_begin[sg + 1]),
                              [&](std::size_t f) {
                    const double positions = firms.workforce(f);
                    const double orders = firms.orders[f];
                    double down = orders * share_down;
                    const double own = orders - down;
                    // Weekly hours needed to make `own` with the firm's workforce.
                    double hours = limit * normal_hours_share * own / positions;
                    double max_hours = limit;
                    if (!firms.complies(f, Area::working_time)) {
                        hours *= 1.0 + p.habitual_overtime * (1.0 + p.habitual_overtime_pressure_weight * pressure);
                        max_hours = limit * (1.0 + p.overtime_capacity);
                    }
                    const double worked_hours = std::min(hours, max_hours);
                    // What the hours cannot meet goes down too (or is lost at the last tier).
                    if (!last_tier && hours > max_hours) down += own * (1.0 - max_hours / hours);
                    passed_down[f] = float(down);
                    const double staffed = std::min(1.0, worked_hours / (limit * normal_hours_share));
                    firms.utilisation[f] = float(staffed);
                    firms.weekly_hours[f] = float(std::max(worked_hours, staffed > 0 ? limit * normal_hours_share : 0.0));
                });
            }
        if (last_tier) break;
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
                double to_informal = std::clamp(p.informal_subcontract_share * (p.informal_subcontract_pressure_base + w.segment_pressure[from]), 0.0, 1.0);
                if (!policy.segments.empty()) to_informal = std::min(1.0, to_informal * policy.segments[std::size_t(from)].informal_subcontract_factor);
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
