#pragma once
// A problem with user input: names the file, line, column and field, and says what was expected.
// Commands turn it into exit code 2 with nothing written.
#include <sstream>
#include <stdexcept>
#include <string>

namespace supplysim {

struct SourceMark {
    std::string file;
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based
};

class InputError : public std::runtime_error {
public:
    InputError(const SourceMark& where, const std::string& field, const std::string& problem)
        : std::runtime_error(format(where, field, problem)), where_(where), field_(field) {}
    const SourceMark& where() const { return where_; }
    const std::string& field() const { return field_; }

private:
    static std::string format(const SourceMark& w, const std::string& field, const std::string& problem) {
        std::ostringstream s;
        s << w.file;
        if (w.line > 0) s << ':' << w.line << ':' << w.column;
        s << ": ";
        if (!field.empty()) s << '\'' << field << "': ";
        s << problem;
        return s.str();
    }
    SourceMark where_;
    std::string field_;
};

}  // namespace supplysim
