#pragma once
// Lever `inspection`: labour inspection staffing, targeting, visit practice, sanctions, reach, gender-sensitive training, legal remedies (seed items 2.1-2.5).
// Mechanism, defaults and evidence: docs/model/interventions.md#inspection.
#include <memory>
#include <optional>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/levers/programme.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {


enum class InspectionTargeting { unchanged, random, risk_based, complaint_driven, sector_campaign, strategic };

struct InspectionLever : Lever {
    std::optional<double> inspectors_per_10k_workers, visits_per_inspector_month, announced_share, sanction_months,
        follow_up_share, reach_epz, reach_informal;
    std::vector<double> reach_tiers;       // empty: unchanged
    InspectionTargeting targeting = InspectionTargeting::unchanged;
    double campaign_weight = 4;            // visit priority of the campaign segments (sector_campaign)
    double advisory = 0;                   // share of the capability gap a visit closes (default 0.05 under strategic)
    double gender_training = 0;            // share of inspectors trained to detect harassment and discrimination
    double trained_detection = 0.6;        // detection of discrimination by trained inspectors
    double legal_remedies = 0;             // workers access to legal remedies, 0..1
    double remedy_claim_rate = 0.03;       // monthly chance a violation with a victim is claimed, at full access
    void apply(Policy& p, const Scenario& s, const Intervention& self, double level) const override;
};

std::shared_ptr<const Lever> read_inspection(FieldReader& entry, const Scenario& scenario, Intervention& self);

}  // namespace supplysim
