#include "supplysim/input/number_text.hpp"

#include <charconv>
#include <cmath>

namespace supplysim {

std::optional<double> parse_number(const std::string& text) {
    double v = 0;
    const char* b = text.data();
    const char* e = b + text.size();
    if (b != e && *b == '+') ++b;
    auto [ptr, ec] = std::from_chars(b, e, v);
    if (ec != std::errc{} || ptr != e || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::string number_text(double x) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);  // shortest text that reads back exactly
    return ec == std::errc{} ? std::string(buf, end) : std::string("nan");
}

}  // namespace supplysim
