#pragma once
// Disaggregation groups. Workers are counted in fine cells (segment x demography x formality) and the
// cells are summed into the groups written to file: "all", then one group per value of each dimension.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "supplysim/model/scenario.hpp"

namespace supplysim {

inline constexpr std::array<const char*, 10> all_dimensions = {
    "country", "sector", "tier", "gender", "age_band", "migrant", "disability", "ethnicity", "indigenous",
    "formality"};

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
    // The groups a cell is counted in (always includes group 0, "all").
    const std::vector<int>& groups_of_cell(int cell) const { return cell_groups_[cell]; }

private:
    std::vector<Group> groups_;
    std::vector<std::vector<int>> cell_groups_;
    int segment_count_ = 0;
};

}  // namespace supplysim
