#pragma once
// Lever `score`: SCORE and SYMAPRO enterprise training modules for SMEs (seed item 4.2).
// Mechanism, defaults and evidence: docs/model/interventions.md#score.
#include <memory>
#include <optional>
#include <vector>

#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/levers/programme.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {


struct ScoreLever : Lever {
    FirmProgramme programme_;
    std::vector<std::string> modules;
    const FirmProgramme* programme() const override { return &programme_; }
};
std::shared_ptr<const Lever> read_symapro(FieldReader& entry, const Scenario& scenario, Intervention& self);

std::shared_ptr<const Lever> read_score(FieldReader& entry, const Scenario& scenario, Intervention& self);

}  // namespace supplysim
