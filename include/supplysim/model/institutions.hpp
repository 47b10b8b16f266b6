#pragma once
// The institutions of a country and the practices of a buyer: what policy levers act on. The scenario
// gives their baseline values (Country, Buyer); the month's Policy (CountryPolicy, BuyerPolicy) starts
// from them, so a new institution is one field here (plus its reader and its clamp in policy.cpp).
#include <cstdint>
#include <vector>

#include "supplysim/model/standard_area.hpp"

namespace supplysim {

enum class Targeting : std::uint8_t { random, risk_based, complaint_driven };

struct Inspectorate {
    double inspectors_per_10k_workers = 0.5;
    double visits_per_inspector_month = 6;
    Targeting targeting = Targeting::random;
    double announced_share = 0.5;      // announced visits find less (parameters.compliance.announced_concealment)
    double sanction_months = 24;       // fine per detected violation, in months of that area's compliance cost
    double follow_up_share = 0.3;      // share of visits with violations that get a follow-up visit
    int follow_up_delay_months = 3;
    double reach_epz = 1.0;            // relative chance an EPZ firm can be visited
    double reach_informal = 0.1;       // relative chance an informal firm can be visited
    std::vector<double> reach_by_tier; // relative chance by tier (one per tier)
    PerArea<double> detection{0.8, 0.7, 0.6, 0.7, 0.4, 0.5, 0.2, 0.2}; // chance an unannounced visit finds a violation
};

struct CountryInstitutions {
    Inspectorate inspectorate;
    PerArea<double> law_strength{0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5}; // 0..1 per area: coverage and clarity of the law
    double rule_of_law = 0.5;          // 0..1, scales how credible sanctions are
    double union_density = 0.1;        // density that union organising tends towards where it is free
    double epz_union_access = 0.5;     // 0..1, freedom of association inside EPZs relative to outside
};

struct BuyerPractices {
    double price_pressure = 0.5;       // 0..1
    double lead_time_weeks = 8;
    double audits_per_year = 1;        // social audits per tier-1 supplier
    double audit_detection = 0.5;      // relative to an unannounced inspection
    double audit_reach_lower_tiers = 0;
};

}  // namespace supplysim
