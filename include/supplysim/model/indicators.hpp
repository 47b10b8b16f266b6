#pragma once
// The indicator catalogue and the integer counters indicators are computed from. Counters are exact
// integers, so summing per-thread partials in any order gives the same result: outputs are
// bit-identical for any thread count without ordered reductions.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "supplysim/model/groups.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {

// What is counted per cell each month. The order serves the flush of a firm's cells
// (outcome_batch.cpp): the per-worker counts first, in the order of their packed 16-bit fields, then the
// wage, then the facts of the firm or cell counted once per employed worker.
enum Counter : int {
    c_employed = 0,
    c_below_minimum,
    c_injuries,
    c_harassed,
    c_forced_labour,
    c_union,
    c_subcontracted,
    c_quits,
    c_wage_milli,                                          // sum of wage/minimum wage, in thousandths
    c_compliant_first,                                     // one per Area
    c_excess_hours = c_compliant_first + int(area_count),
    c_inspected,
    c_child_labour,
    c_informal,
    // Counted by the programmes phase (count_programme_outcomes) when a scenario has interventions.
    c_better_work,
    c_programme,
    c_ifa,
    c_injury_compensated,
    counter_count
};

using CellCounters = std::vector<std::uint64_t>;  // [cell][counter]

// A month's cell counters and the rows in use (those with someone employed; every other row is zero),
// so that clearing and combining cost O(rows in use), not O(cells) (docs/performance.md).
struct MonthCells {
    CellCounters values;              // [cell][counter]
    std::vector<std::uint32_t> rows;  // offsets cell * counter_count of the rows in use, each once

    explicit MonthCells(std::size_t cells = 0) : values(cells * counter_count, 0) {}
};

enum class IndicatorKind { share, ratio, rate, count };

struct IndicatorSpec {
    std::string name;
    std::string units;
    std::string description;
    IndicatorKind kind;
    int numerator;     // a Counter
    double scale;      // value = scale * numerator / employed (or scale * numerator for counts)
};

const std::vector<IndicatorSpec>& indicator_catalogue();
const char* kind_name(IndicatorKind k);

// One replicate's series: values[(indicator * months + month) * groups + group].
struct Series {
    int indicators = 0, months = 0, groups = 0;
    std::vector<double> values;
    double& at(int i, int m, int g) { return values[(std::size_t(i) * months + m) * groups + g]; }
    double at(int i, int m, int g) const { return values[(std::size_t(i) * months + m) * groups + g]; }
};

// Turns one month's cell counters into indicator values for every group.
void record_month(const CellCounters& cells, const GroupLayout& layout, int month, Series& series);

// record_month with the layout's group lists prepared once, for the months of a run
// (docs/performance.md). Gives exactly record_month's values: counters are integers, so
// regrouping the sums cannot change them.
//
// A cell is (block, k) with k = demography byte + 128 * informal and the block its firm's segment (and
// programme cohort when counted). Most groups of a cell depend either on its block only ("all",
// country, sector, tier, programme, years_in_programme and their crossings) or on k only (the
// demographic dimensions, formality and their crossings). The cells are summed once per block and once per k,
// and those sums go to those groups: two row additions per occupied cell instead of one per group.
// Only the groups of crossings that mix the two (country*gender) are added cell by cell, so their
// cost is paid only when such a crossing is asked for.
class MonthRecorder {
public:
    explicit MonthRecorder(const GroupLayout& layout);
    // Reads only the rows `cells` lists as in use.
    void record(const MonthCells& cells, int month, Series& series);

private:
    int groups_ = 0, blocks_ = 0;
    int block_positions_ = 0, k_positions_ = 0, cell_positions_ = 0;
    std::vector<int> block_groups_;  // [block][block_positions_]
    std::vector<int> k_groups_;     // [k][k_positions_]
    std::vector<int> cell_groups_;  // [cell][cell_positions_]: groups of crossings of block and k
    std::vector<std::uint64_t> totals_, block_sums_, k_sums_;  // scratch, reused month to month
    std::vector<int> block_used_, k_used_;
};

}  // namespace supplysim
