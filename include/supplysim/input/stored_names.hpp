#pragma once
// Names the output stores: country, sector and tier names become values of the /groups table
// (variable-length UTF-8, NUL-terminated, so a control character would cut them), assessment names are
// joined into the root attribute `assessments` as name=YYYY-MM;... A name the output could not store
// whole is refused where it is written.
#include <cstddef>
#include <string>

#include "supplysim/input/field_reader.hpp"

namespace supplysim {

// Reads the required `name` of a country, sector or tier and checks that it can be stored whole.
std::string read_group_name(FieldReader& r, const std::string& meaning);

// Reads the required `name` of an assessment point and checks that it can be stored whole.
std::string read_assessment_name(FieldReader& r, const std::string& meaning);

}  // namespace supplysim
