#pragma once
// Calendar months as a single integer count, so month arithmetic is plain subtraction.
#include <optional>
#include <string>
#include <string_view>

namespace supplysim {

struct YearMonth {
    int year = 2017;
    int month = 1;  // 1..12

    int index() const { return year * 12 + (month - 1); }
    static YearMonth from_index(int i) { return {i / 12, i % 12 + 1}; }
    int yyyymm() const { return year * 100 + month; }
    std::string str() const;
    friend bool operator==(const YearMonth&, const YearMonth&) = default;
};

// Parses "YYYY-MM"; nullopt when the text is not a valid month.
std::optional<YearMonth> parse_year_month(std::string_view text);

inline int months_between(YearMonth from, YearMonth to) { return to.index() - from.index(); }

}  // namespace supplysim
