#include "supplysim/input/stored_names.hpp"

#include <cstdio>

namespace supplysim {

namespace {

// A control character (NUL would end the stored string early; the others cannot be told apart in
// listings), or empty when there is none.
std::string control_character(const std::string& name) {
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f) {
            char code[8];
            std::snprintf(code, sizeof code, "0x%02x", unsigned(c));
            return code;
        }
    return "";
}

// The name as it can be shown in a message: control characters written as \xNN.
std::string printable(const std::string& name) {
    std::string out;
    for (unsigned char c : name) {
        if (c < 0x20 || c == 0x7f) {
            char code[8];
            std::snprintf(code, sizeof code, "\\x%02x", unsigned(c));
            out += code;
        } else {
            out += char(c);
        }
    }
    return out;
}

}  // namespace

std::string read_group_name(FieldReader& r, const std::string& meaning) {
    const std::string name = r.required_text("name", meaning);
    if (const auto c = control_character(name); !c.empty())
        r.fail("name", "name \"" + printable(name) + "\" contains the control character " + c + ", which output files cannot store");
    return name;
}

std::string read_assessment_name(FieldReader& r, const std::string& meaning) {
    const std::string name = r.required_text("name", meaning);
    for (const char reserved : {';', '='})
        if (name.find(reserved) != std::string::npos)
            r.fail("name", std::string("name \"") + name + "\" contains \"" + reserved +
                               "\", which separates assessment points in the output file's `assessments` attribute");
    if (const auto c = control_character(name); !c.empty())
        r.fail("name", "name \"" + printable(name) + "\" contains the control character " + c + ", which output files cannot store");
    return name;
}

}  // namespace supplysim
