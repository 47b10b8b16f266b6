#pragma once
// Lever `ifa`: an international framework agreement between a lead firm and a global union federation (seed item 3.2).
// Mechanism, defaults and evidence: docs/model/interventions.md#ifa.
#include <memory>
#include <optional>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/levers/programme.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {


struct IfaLever : Lever {
    FirmProgramme programme_;
    const FirmProgramme* programme() const override { return &programme_; }
};

std::shared_ptr<const Lever> read_ifa(FieldReader& entry, const Scenario& scenario, Intervention& self);

}  // namespace supplysim
