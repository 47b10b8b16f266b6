#pragma once
// Phase: firms decide, area by area, whether to comply (deterrence against cost, bounded by capability,
// pulled by peers and by the strength of the law).
#include "supplysim/model/policy.hpp"
#include "supplysim/model/rng.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

// What a firm weighs when it decides whether to comply in one area.
struct ComplianceInputs {
    double perceived_visit_rate = 0;  // monthly chance of an inspection, as the firm perceives it
    double audit_rate = 0;            // monthly chance of a buyer audit
    double audit_detection = 0;       // audit's detection relative to an unannounced inspection
    double price_pressure = 0;
    double capability = 0.5;
    double margin_squeeze = 1.0;      // sector margin / firm margin (bounded by squeeze_min, squeeze_max in
                                      // the decision): thin margins make compliance dearer
    double peer_share = 0.5;          // share of peers' workers in complying firms
    bool informal = false;            // informal firms are largely outside the law's reach
    // Set by interventions (neutral defaults).
    double law_extra = 0;             // law strength added in the firm's segment (extended agreements)
    double programme_logit = 0;       // shift in log-odds from firm programmes (training, checks)
    double audit_cost_months = -1;    // cost of an audit finding; negative: parameters' audit_reputation_months
};

double comply_probability(const ComplianceParameters& p, const CountryPolicy& country, Area area,
                          const ComplianceInputs& in);

// The inputs firm f weighs this month.
ComplianceInputs compliance_inputs(const World& world, const Policy& policy, std::size_t f, Area area);

void decide_compliance(World& world, const Scenario& scenario, const Policy& policy, const CounterRng& rng,
                       int step);

}  // namespace supplysim
