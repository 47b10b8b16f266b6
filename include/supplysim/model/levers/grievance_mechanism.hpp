#pragma once
// Lever `grievance_mechanism` (seed items 5.3-5.4): national contact points and dispute mechanisms
// workers can use.
// Mechanism, defaults and evidence: docs/model/interventions.md#grievance_mechanism.

namespace supplysim {

struct Policy;
struct Scenario;
struct Where;

struct GrievanceMechanismLever {
    double access = 0.5;        // share of workers who can use the mechanism
    double claim_rate = 0.05;   // monthly chance a violation with a victim is brought, at full access
    double remedy_months = 6;   // cost of a remedy to the firm, months of compliance cost
};
void add_to_policy(const GrievanceMechanismLever& lever, Policy& policy, const Scenario& scenario, const Where& where,
                   double level);

}  // namespace supplysim
