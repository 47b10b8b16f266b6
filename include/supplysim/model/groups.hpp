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

// Every dimension a worker's groups can be taken along, in the order their groups are written.
// `programme` and `years_in_programme` are the programme cohort of the worker's employer.
inline constexpr std::array<const char*, 12> all_dimensions = {
    "country", "sector", "tier", "gender", "age_band", "migrant", "disability", "ethnicity", "indigenous",
    "formality", "programme", "years_in_programme"};
// Written when a scenario does not say (the programme cohorts multiply the cells counted: asked for only).
inline constexpr std::array<const char*, 10> default_dimensions = {
    "country", "sector", "tier", "gender", "age_band", "migrant", "disability", "ethnicity", "indigenous",
    "formality"};

// Programme cohorts. A firm's programme is the firm programme (an intervention with a per-firm
// programme: Better Work, SCORE, ...) it joined first; of several joined in the same month, the first in
// the scenario's canonical order of interventions. Its years in the programme are the whole 12-month
// cycles since the month it joined (0 in the month it joins and the 11 after), 5_plus from the fifth.
inline constexpr int cohort_years = 6;  // 0, 1, 2, 3, 4, 5_plus
inline constexpr int years_in_programme(int joined_month, int month) {
    return (month - joined_month) / 12 < cohort_years - 1 ? (month - joined_month) / 12 : cohort_years - 1;
}

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

struct World;

// Cells are grouped in blocks of cells_per_block: one block per segment and, when a programme dimension
// is asked for, per programme cohort of the segment's firms. A firm's workers are counted in its block.
class GroupLayout {
public:
    explicit GroupLayout(const Scenario& scenario);

    const std::vector<Group>& groups() const { return groups_; }
    int group_count() const { return static_cast<int>(groups_.size()); }
    int cell_count() const { return cells_per_block * block_count_; }

    static constexpr int cells_per_block = 256;  // 128 demography bytes x formal/informal
    static int cell_of(int block, std::uint8_t demography, bool informal) {
        return block * cells_per_block + demography + (informal ? 128 : 0);
    }
    // Whether firms' blocks depend on their programme cohort (a programme dimension is asked for).
    bool counts_cohorts() const { return cohort_count_ > 1; }
    // Sets w.firm_cell_block: each firm's block this month (its segment, and cohort when counted).
    void assign_cell_blocks(World& w, int month) const;
    // The groups a cell is counted in (always includes group 0, "all"). Every cell has as many, and the
    // group at a position of the list belongs to the same dimension or crossing for every cell.
    const std::vector<int>& groups_of_cell(int cell) const { return cell_groups_[cell]; }

private:
    int cohort_of(int programme, int years) const;  // programme -1: not enrolled

    std::vector<Group> groups_;
    std::vector<std::vector<int>> cell_groups_;
    int block_count_ = 0;
    int programme_count_ = 0;  // firm programmes in the scenario
    bool by_programme_ = false, by_years_ = false;
    int cohort_count_ = 1;
};

}  // namespace supplysim
