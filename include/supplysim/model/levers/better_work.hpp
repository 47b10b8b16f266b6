#pragma once
// Lever `better_work`: Better Work enrolment of tier-1 exporting factories: unannounced assessments, advisory and training, public transparency, buyers relying on its reports (seed items 4.1-4.2).
// Mechanism, defaults and evidence: docs/model/interventions.md#better_work.
#include <memory>
#include <optional>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/levers/programme.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {


struct BetterWorkLever : Lever {
    FirmProgramme programme_;
    const FirmProgramme* programme() const override { return &programme_; }
};

std::shared_ptr<const Lever> read_better_work(FieldReader& entry, const Scenario& scenario, Intervention& self);

}  // namespace supplysim
