#pragma once
// Lever `social_protection` (seed item 6.4): employment-injury insurance and emergency compensation
// funds.
// Mechanism, defaults and evidence: docs/model/interventions.md#social_protection.

namespace supplysim {

struct Policy;
struct Scenario;
struct Where;

struct SocialProtectionLever {
    double insurance_coverage = 0.9;       // share of injuries to formal workers compensated
    double emergency_fund_coverage = 0.5;  // share of injuries to informal workers compensated
    double experience_rating_months = 0.5; // premium rise after an OSH violation, months of OSH compliance cost per month
};
void add_to_policy(const SocialProtectionLever& lever, Policy& policy, const Scenario& scenario, const Where& where,
                   double level);

}  // namespace supplysim
