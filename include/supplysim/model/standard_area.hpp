#pragma once
// The standard areas in which a firm complies or not (Better Work's clusters, the ILO fundamental
// principles, and the OSH, wage, working-time and contract conditions of national law).
#include <array>
#include <cstddef>
#include <string_view>

namespace supplysim {

enum class Area : std::size_t {
    osh,
    wages,
    working_time,
    contracts,
    freedom_of_association,
    child_labour,
    forced_labour,
    discrimination,
};
inline constexpr std::size_t area_count = 8;

inline constexpr std::array<std::string_view, area_count> area_names = {
    "osh", "wages", "working_time", "contracts",
    "freedom_of_association", "child_labour", "forced_labour", "discrimination"};

inline constexpr std::size_t index(Area a) { return static_cast<std::size_t>(a); }

template <class T>
using PerArea = std::array<T, area_count>;

}  // namespace supplysim
