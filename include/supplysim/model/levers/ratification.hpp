#pragma once
// Lever `ratification` (seed items 1.1-1.4): a country ratifies an ILO Convention; after an
// implementation lag, law and enforcement in the matching standard area strengthen.
// Mechanism, defaults and evidence: docs/model/interventions.md#ratification.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "supplysim/model/standard_area.hpp"

namespace supplysim {

struct Policy;
struct Scenario;
struct Where;

struct RatificationLever {
    std::string convention;
    std::vector<Area> areas;           // standard areas whose law and enforcement strengthen
    double law_gain = 0.3;             // share of the gap to full law strength closed
    double enforcement_gain = 0.2;     // share of the gap to full detection closed in those areas
    double union_gain = 0;             // relative rise in union density (C87, C98)
    double inspection_gain = 0;        // C81/C129: share of the gap to full reach closed, and relative staffing rise
    double uptake_gain = 0;            // C144: ramps of other levers in the country run this much faster
};
void add_to_policy(const RatificationLever& lever, Policy& policy, const Scenario& scenario, const Where& where,
                   double level);

// The Conventions and Protocols the lever knows, and the standard areas each acts on.
const std::vector<std::pair<std::string, std::vector<Area>>>& convention_areas();

}  // namespace supplysim
