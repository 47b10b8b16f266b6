#pragma once
// Lever `grievance_mechanism`: national contact points and dispute mechanisms workers can use (seed items 5.3-5.4).
// Mechanism, defaults and evidence: docs/model/interventions.md#grievance_mechanism.
#include <memory>
#include <optional>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/levers/programme.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {


struct GrievanceMechanismLever : Lever {
    double access = 0.5;        // share of workers who can use the mechanism
    double claim_rate = 0.05;   // monthly chance a violation with a victim is brought, at full access
    double remedy_months = 6;   // cost of a remedy to the firm, months of compliance cost
    void apply(Policy& p, const Scenario& s, const Intervention& self, double level) const override;
};

std::shared_ptr<const Lever> read_grievance_mechanism(FieldReader& entry, const Scenario& scenario, Intervention& self);

}  // namespace supplysim
