#pragma once
// Lever `purchasing_practices`: buyers change price pressure and lead times.
// Mechanism, defaults and evidence: docs/model/interventions.md#purchasing_practices.
#include <memory>
#include <optional>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/levers/programme.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {


struct PurchasingPracticesLever : Lever {
    std::optional<double> price_pressure, lead_time_weeks;  // targets
    double price_pressure_change = -0.2;                    // used when no target is given
    double lead_time_change_weeks = 2;
    void apply(Policy& p, const Scenario& s, const Intervention& self, double level) const override;
};

std::shared_ptr<const Lever> read_purchasing_practices(FieldReader& entry, const Scenario& scenario, Intervention& self);

}  // namespace supplysim
