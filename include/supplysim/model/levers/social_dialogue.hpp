#pragma once
// Lever `social_dialogue` (seed items 3.1, 3.3): national tripartite institutions and extension of
// collective agreements across the supply chain.
// Mechanism, defaults and evidence: docs/model/interventions.md#social_dialogue.

namespace supplysim {

struct Policy;
struct Scenario;
struct Where;

struct SocialDialogueLever {
    double union_density_gain = 0.05;   // absolute rise in the density organising tends to
    double extension = 0.2;             // law strength added (wages) in segments covered by extended agreements
    double uptake_gain = 0.25;          // national tripartite institutions speed uptake of other levers
    double secondary_extension_share = 0.5; // extension's law added on working time and organising, relative to wages
};
void add_to_policy(const SocialDialogueLever& lever, Policy& policy, const Scenario& scenario, const Where& where,
                   double level);

}  // namespace supplysim
