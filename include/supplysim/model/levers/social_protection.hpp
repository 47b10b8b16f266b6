#pragma once
// Lever `social_protection`: employment-injury insurance and emergency compensation funds (seed item 6.4).
// Mechanism, defaults and evidence: docs/model/interventions.md#social_protection.
#include <memory>
#include <optional>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/levers/programme.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {


struct SocialProtectionLever : Lever {
    double insurance_coverage = 0.9;      // share of injuries to formal workers compensated
    double emergency_fund_coverage = 0.5; // share of injuries to informal workers compensated
    double experience_rating_months = 0.5; // premium rise after an OSH violation, months of OSH compliance cost per month
    void apply(Policy& p, const Scenario& s, const Intervention& self, double level) const override;
};

std::shared_ptr<const Lever> read_social_protection(FieldReader& entry, const Scenario& scenario, Intervention& self);

}  // namespace supplysim
