#pragma once
// Lever `formalization`: lower cost of formal registration, registration of informal units and homeworkers (seed item 2.3, Recommendation 204).
// Mechanism, defaults and evidence: docs/model/interventions.md#formalization.
#include <memory>
#include <optional>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/levers/programme.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {


struct FormalizationLever : Lever {
    double registration_cost_reduction = 0.5;  // share of the cost of complying on contracts removed
    double firm_registration_per_year = 0.1;   // yearly chance an informal unit registers
    double worker_registration = 0.03;         // extra monthly chance an informal worker in a lawful firm is registered
    bool homeworkers = true;                   // homework units register too
    void apply(Policy& p, const Scenario& s, const Intervention& self, double level) const override;
};

std::shared_ptr<const Lever> read_formalization(FieldReader& entry, const Scenario& scenario, Intervention& self);

}  // namespace supplysim
