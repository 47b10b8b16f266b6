#pragma once
// Disaggregation groups. Workers are counted in fine cells (segment x demography x formality) and the
// cells are summed into the groups written to file: "all", then one group per value of each dimension
// asked for, then one group per combination of values of each crossing asked for ("country*gender").
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "supplysim/model/scenario.hpp"

namespace supplysim {

inline constexpr std::array<const char*, 10> all_dimensions = {
    "country", "sector", "tier", "gender", "age_band", "migrant", "disability", "ethnicity", "indigenous",
    "formality"};

// A crossing joins its dimensions with this character: "country*tier*gender".
inline constexpr char crossing_separator = '*';
// At most this many dimensions in one crossing.
inline constexpr int max_crossed_dimensions = 3;
// At most this many groups in one crossing (product of its dimensions' value counts): each group costs
// one value per indicator, month and replicate in memory and on file.
inline constexpr int max_crossing_groups = 1000;

// The values of a dimension for this scenario, in the order they are written.
std::vector<std::string> dimension_values(const Scenario& scenario, const std::string& dimension);

// The dimensions of a crossing as written ("country*gender" -> country, gender); one name for a plain
// dimension. Does not check the names.
std::vector<std::string> crossing_parts(const std::string& entry);

struct Group {
    std::string dimension;
    std::string value;
};

class GroupLayout {
public:
    explicit GroupLayout(const Scenario& scenario);

    const std::vector<Group>& groups() const { return groups_; }
    int group_count() const { return static_cast<int>(groups_.size()); }
    int cell_count() const { return cells_per_segment * segment_count_; }

    static constexpr int cells_per_segment = 256;  // 128 demography bytes x formal/informal
    static int cell_of(int segment, std::uint8_t demography, bool informal) {
        return segment * cells_per_segment + demography + (informal ? 128 : 0);
    }
    // The groups a cell is counted in (always includes group 0, "all"). Every cell has as many, and the
    // group at a position of the list belongs to the same dimension or crossing for every cell.
    const std::vector<int>& groups_of_cell(int cell) const { return cell_groups_[cell]; }

private:
    std::vector<Group> groups_;
    std::vector<std::vector<int>> cell_groups_;
    int segment_count_ = 0;
};

}  // namespace supplysim
