#pragma once
// Names the output stores in fixed places: country, sector and tier names become values of the
// /groups table (fixed-width 64-byte strings, NUL-terminated), assessment names are joined into the
// root attribute `assessments` as name=YYYY-MM;... A name that does not fit would be cut when stored
// (two names that differ only after the cut would become one group, and a cut can fall inside a
// UTF-8 character), so such names are refused where they are written.
#include <cstddef>
#include <string>

#include "supplysim/input/field_reader.hpp"

namespace supplysim {

// Bytes of a /groups value (the table's field is one byte wider, for the terminating NUL).
inline constexpr std::size_t max_group_value_bytes = 63;

// Reads the required `name` of a country, sector or tier and checks that it can be stored whole.
std::string read_group_name(FieldReader& r, const std::string& meaning);

// Reads the required `name` of an assessment point and checks that it can be stored whole.
std::string read_assessment_name(FieldReader& r, const std::string& meaning);

}  // namespace supplysim
