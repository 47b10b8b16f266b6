#pragma once
// A named assessment point (the programme's mid-term and final assessments): its values are also
// written as the small /assessments table of a result file.
#include <string>

#include "supplysim/model/calendar.hpp"

namespace supplysim {

struct Assessment {
    std::string name;
    YearMonth date;
};

}  // namespace supplysim
