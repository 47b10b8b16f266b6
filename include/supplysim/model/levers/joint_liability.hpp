#pragma once
// Lever `joint_liability`: lead firms are legally liable for violations in lower tiers (seed item 2.2).
// Mechanism, defaults and evidence: docs/model/interventions.md#joint_liability.
#include <memory>
#include <optional>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/due_diligence.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/levers/programme.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {


// Same mechanism as due_diligence (ChainResponsibilityLever) with stronger defaults.
// (ChainResponsibilityLever, declared in due_diligence.hpp)

std::shared_ptr<const Lever> read_joint_liability(FieldReader& entry, const Scenario& scenario, Intervention& self);

}  // namespace supplysim
