#pragma once
// The institutions and buyer practices in force in a given month. The baseline comes from the scenario;
// interventions change it month by month. Phases read the policy, never the scenario's raw settings,
// so every lever acts through one place.
#include <vector>

#include "supplysim/model/scenario.hpp"

namespace supplysim {

// A country's institutions in force (from the scenario's baseline, changed by levers), and what only
// levers set.
struct CountryPolicy : CountryInstitutions {
    // Set only by interventions (neutral values otherwise).
    PerArea<double> deterrence_months{};  // extra expected monthly cost of a violation (complaints, remedies,
                                          // insurance premiums), in months of that area's compliance cost
    PerArea<double> cost_factor{1, 1, 1, 1, 1, 1, 1, 1};  // multiplies the cost of complying
    double advisory_capability = 0;       // share of the capability gap an inspection visit closes (advisory visits)
    double firm_registration_per_year = 0; // yearly chance an informal unit registers (formalisation)
    bool register_homework = false;        // whether homework units register too
    double worker_registration = 0;        // extra monthly chance a formal, contract-complying firm registers an informal worker
    double injury_cover_formal = 0;        // share of injuries to formal workers compensated (employment-injury insurance)
    double injury_cover_informal = 0;      // share of injuries to informal workers compensated (emergency funds)
};

// A buyer's practices in force (from the scenario's baseline, changed by levers), and what only levers set.
struct BuyerPolicy : BuyerPractices {
    double audit_cost_months = 3;        // cost to a supplier of an audit finding (parameters.compliance.audit_reputation_months)
    double lower_tier_cost_months = 0;   // extra cost of a finding below tier 1 (liability, due diligence)
    double subcontract_factor = 1;       // multiplies the share of orders passed down (unauthorised subcontracting)
    double informal_subcontract_factor = 1; // multiplies the share of passed-down work going to informal units
};

// A (country, sector, tier) cell, indexed like Segments::of.
struct SegmentPolicy {
    double visit_weight = 1;              // relative priority for inspection visits (sector campaigns)
    double subcontract_factor = 1;        // from the segment's buyers' policies
    double informal_subcontract_factor = 1;
    PerArea<double> law_extra{};          // added to the country's law strength (extended collective agreements)
};

struct Policy {
    std::vector<CountryPolicy> countries;
    std::vector<BuyerPolicy> buyers;
    std::vector<SegmentPolicy> segments;
    std::vector<double> levels;  // strength of each of the scenario's interventions this month (canonical order)
    int sectors = 0, tiers = 0;

    SegmentPolicy& segment(int c, int x, int t) { return segments[std::size_t((c * sectors + x) * tiers + t)]; }
    const SegmentPolicy& segment(int c, int x, int t) const { return segments[std::size_t((c * sectors + x) * tiers + t)]; }
};

// The policy in force in month `month` (0 = the scenario's start; negative months are the spin-up,
// which runs under the baseline with no intervention in force).
Policy policy_for_month(const Scenario& scenario, int month);

}  // namespace supplysim
