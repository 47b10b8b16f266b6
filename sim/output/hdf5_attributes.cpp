#include "output/hdf5_attributes.hpp"

#include <cstring>
#include <vector>

namespace supplysim {

std::string read_string_attr(hid_t obj, const char* name) {
    if (H5Aexists(obj, name) <= 0) return {};
    hid_t attr = H5Aopen(obj, name, H5P_DEFAULT);
    hid_t type = H5Aget_type(attr);
    std::string out;
    if (H5Tget_class(type) == H5T_STRING) {
        if (H5Tis_variable_str(type) > 0) {
            char* s = nullptr;
            hid_t mem = H5Tcopy(H5T_C_S1);
            H5Tset_size(mem, H5T_VARIABLE);
            H5Tset_cset(mem, H5Tget_cset(type));  // HDF5 does not convert between ASCII and UTF-8
            if (H5Aread(attr, mem, &s) >= 0 && s) out = s;
            H5free_memory(s);
            H5Tclose(mem);
        } else {
            std::vector<char> buf(H5Tget_size(type) + 1, '\0');
            if (H5Aread(attr, type, buf.data()) >= 0) out.assign(buf.data(), strnlen(buf.data(), buf.size()));
        }
    }
    H5Tclose(type);
    H5Aclose(attr);
    return out;
}


}  // namespace supplysim
