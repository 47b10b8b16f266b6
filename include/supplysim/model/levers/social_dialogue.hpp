#pragma once
// Lever `social_dialogue`: national tripartite institutions and extension of collective agreements across the supply chain (seed items 3.1, 3.3).
// Mechanism, defaults and evidence: docs/model/interventions.md#social_dialogue.
#include <memory>
#include <optional>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/levers/programme.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {


struct SocialDialogueLever : Lever {
    double union_density_gain = 0.05;   // absolute rise in the density organising tends to
    double extension = 0.2;             // law strength added (wages) in segments covered by extended agreements
    double uptake_gain = 0.25;          // national tripartite institutions speed uptake of other levers
    void apply(Policy& p, const Scenario& s, const Intervention& self, double level) const override;
    double uptake_speed_gain() const override { return uptake_gain; }
};

std::shared_ptr<const Lever> read_social_dialogue(FieldReader& entry, const Scenario& scenario, Intervention& self);

}  // namespace supplysim
