#pragma once
// Reading HDF5 attributes as written by supplysim or by h5py (fixed or variable-length strings).
#include <hdf5.h>

#include <string>

namespace supplysim {

// The attribute's text, or "" when it is absent or not a string.
std::string read_string_attr(hid_t object, const char* name);

}  // namespace supplysim
