#include "supplysim/model/buyer_terms.hpp"

namespace supplysim {

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

}  // namespace supplysim
