#pragma once
// Lever `inspection` (seed items 2.1-2.5): labour inspection staffing, targeting, visit practice,
// sanctions, reach, gender-sensitive training, legal remedies.
// Mechanism, defaults and evidence: docs/model/interventions.md#inspection.
#include <optional>
#include <string>
#include <vector>

#include "supplysim/model/institutions.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {

struct Policy;
struct Scenario;
struct Where;

// An inspectorate number moved towards a target (inspectors, visits, sanctions, reach, ...).
struct InspectorateTarget {
    double Inspectorate::*field;
    double value;
};

struct InspectionLever {
    std::vector<InspectorateTarget> targets;  // only the numbers the scenario names (the rest unchanged)
    std::vector<double> reach_tiers;          // target reach by tier; empty: unchanged
    std::optional<Targeting> targeting;       // strategy switched to once the lever is at half strength
    bool sector_campaign = false;             // priority to the where-sectors and tiers
    double campaign_weight = 4;               // visit priority of the campaign segments (sector_campaign)
    double advisory = 0;                      // share of the capability gap a visit closes (default 0.05 under strategic)
    double gender_training = 0;               // share of inspectors trained to detect harassment and discrimination
    double trained_detection = 0.6;           // detection of discrimination by trained inspectors
    double legal_remedies = 0;                // workers access to legal remedies, 0..1
    double remedy_claim_rate = 0.03;          // monthly chance a violation with a victim is claimed, at full access
};
void add_to_policy(const InspectionLever& lever, Policy& policy, const Scenario& scenario, const Where& where,
                   double level);

}  // namespace supplysim
