#pragma once
// Lever `ratification`: a country ratifies an ILO Convention; after an implementation lag, law and enforcement in the matching standard area strengthen (seed items 1.1-1.4).
// Mechanism, defaults and evidence: docs/model/interventions.md#ratification.
#include <memory>
#include <optional>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/levers/programme.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {


struct RatificationLever : Lever {
    std::string convention;
    std::vector<Area> areas;           // standard areas whose law and enforcement strengthen
    double law_gain = 0.3;             // share of the gap to full law strength closed
    double enforcement_gain = 0.2;     // share of the gap to full detection closed in those areas
    double union_gain = 0;             // relative rise in union density (C87, C98)
    double inspection_gain = 0;        // C81/C129: share of the gap to full reach closed, and relative staffing rise
    double uptake_gain = 0;            // C144: ramps of other levers in the country run this much faster
    void apply(Policy& p, const Scenario& s, const Intervention& self, double level) const override;
    double uptake_speed_gain() const override { return uptake_gain; }
};
// The Conventions and Protocols the lever knows, and the standard areas each acts on.
const std::vector<std::pair<std::string, std::vector<Area>>>& convention_areas();

std::shared_ptr<const Lever> read_ratification(FieldReader& entry, const Scenario& scenario, Intervention& self);

}  // namespace supplysim
