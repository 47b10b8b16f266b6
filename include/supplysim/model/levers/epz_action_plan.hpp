#pragma once
// Lever `epz_action_plan`: inspection access and freedom of association in export processing zones (seed item 7.1).
// Mechanism, defaults and evidence: docs/model/interventions.md#epz_action_plan.
#include <memory>
#include <optional>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/levers/programme.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {


struct EpzActionPlanLever : Lever {
    double reach_epz = 1.0;         // target inspection reach into EPZs
    double epz_union_access = 0.8;  // target freedom of association in EPZs relative to outside
    void apply(Policy& p, const Scenario& s, const Intervention& self, double level) const override;
};

std::shared_ptr<const Lever> read_epz_action_plan(FieldReader& entry, const Scenario& scenario, Intervention& self);

}  // namespace supplysim
