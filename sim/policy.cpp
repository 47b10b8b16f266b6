#include "supplysim/policy.hpp"

namespace supplysim {

Policy policy_for_month(const Scenario& s, int /*month*/) {
    Policy p;
    p.countries.reserve(s.countries.size());
    for (const auto& c : s.countries)
        p.countries.push_back({c.inspectorate, c.law_strength, c.rule_of_law, c.union_density, c.epz_union_access});
    p.buyers.reserve(s.buyers.size());
    for (const auto& b : s.buyers)
        p.buyers.push_back({b.price_pressure, b.lead_time_weeks, b.audits_per_year, b.audit_detection,
                            b.audit_reach_lower_tiers});
    return p;
}

}  // namespace supplysim
