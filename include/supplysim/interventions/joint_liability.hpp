#pragma once
// Lever `joint_liability`: lead firms are legally liable for violations in lower tiers (seed item 2.2).
// Mechanism, defaults and evidence: docs/model/interventions.md#joint_liability.
#include <memory>
#include <optional>
#include <vector>

#include "supplysim/interventions/due_diligence.hpp"
#include "supplysim/interventions/intervention.hpp"
#include "supplysim/interventions/programme.hpp"
#include "supplysim/io/field_reader.hpp"
#include "supplysim/policy.hpp"
#include "supplysim/standard_area.hpp"

namespace supplysim {


// Same mechanism as due_diligence (ChainResponsibilityLever) with stronger defaults.
// (ChainResponsibilityLever, declared in due_diligence.hpp)

std::shared_ptr<const Lever> read_joint_liability(FieldReader& entry, const Scenario& scenario, Intervention& self);

}  // namespace supplysim
