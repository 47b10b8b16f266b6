#pragma once
// Lever `sector_programme`: new sectoral programmes (4.3) and lead firms funding assistance to their suppliers (ppp_funding, 4.4).
// Mechanism, defaults and evidence: docs/model/interventions.md#sector_programme.
#include <memory>
#include <optional>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/levers/programme.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {


struct SectorProgrammeLever : Lever {
    FirmProgramme programme_;
    const FirmProgramme* programme() const override { return &programme_; }
};
std::shared_ptr<const Lever> read_ppp_funding(FieldReader& entry, const Scenario& scenario, Intervention& self);

std::shared_ptr<const Lever> read_sector_programme(FieldReader& entry, const Scenario& scenario, Intervention& self);

}  // namespace supplysim
