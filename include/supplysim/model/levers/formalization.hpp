#pragma once
// Lever `formalization` (seed item 2.3, Recommendation 204): lower cost of formal registration,
// registration of informal units and homeworkers.
// Mechanism, defaults and evidence: docs/model/interventions.md#formalization.

namespace supplysim {

struct Policy;
struct Scenario;
struct Where;

struct FormalizationLever {
    double registration_cost_reduction = 0.5;  // share of the cost of complying on contracts removed
    double firm_registration_per_year = 0.1;   // yearly chance an informal unit registers
    double worker_registration = 0.03;         // extra monthly chance an informal worker in a lawful firm is registered
    bool homeworkers = true;                   // homework units register too
};
void add_to_policy(const FormalizationLever& lever, Policy& policy, const Scenario& scenario, const Where& where,
                   double level);

}  // namespace supplysim
