#pragma once
// The per-worker rules of live_the_month (worker_outcomes.hpp) for one firm's workers, applied to
// batches of philox_batch consecutive workers at once. The rules are written on whole batches, with
// masks instead of branches on the draws, so the compiler keeps a batch in vector registers
// (docs/performance.md). The results are exactly those of the rules applied one worker at a time:
// the same draws, the same double arithmetic in the same order, integer counts.
#include <array>
#include <cstdint>
#include <vector>

#include "model/rng_batch.hpp"
#include "supplysim/model/rng.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

// `u < p` for a draw u, as a test on the raw 32-bit word r: r < below, or always (p >= 1, where the
// threshold 2^32 does not fit 32 bits).
struct DrawTest {
    std::uint32_t below = 0;
    std::uint32_t always = 0;  // all ones when every word passes, else zero

    static DrawTest of(double p) {
        const std::uint64_t t = draw_threshold(p);
        if (t >> 32) return {0xFFFFFFFFu, 0xFFFFFFFFu};
        return {std::uint32_t(t), 0};
    }
};

// A firm's facts of the month that the per-worker rules use.
struct FirmMonthRules {
    bool pays = true;           // complies on wages
    bool fair = true;           // complies on discrimination
    bool no_forced = true;      // complies on forced labour (repays recruitment debt)
    double underpaid_keep = 1;  // share of the lawful wage paid where it underpays
    double gap_keep = 1;        // share left to women where it discriminates
    std::uint32_t subcontracted_end = 0;  // workers in slots below this work on subcontracted orders
    DrawTest injury, harassment[2], quit[2], join_union, leave_union;  // [2]: by female / by bad job
};

// Counts per worker, packed four to a 64-bit word in 16-bit fields so a worker adds two words (plus
// the wage) to its cell. The caller flushes its sums before a field can exceed 65,535 workers.
namespace packed {
// counts_lo fields
inline constexpr int employed = 0, below_minimum = 16, injured = 32, harassed = 48;
// counts_hi fields
inline constexpr int forced = 0, union_member = 16, subcontracted = 32, quits = 48;
inline constexpr std::uint32_t field(std::uint64_t word, int shift) { return std::uint32_t(word >> shift) & 0xFFFFu; }
inline constexpr std::uint32_t max_workers = 65535;
}  // namespace packed

// A firm's month, summed per cell (demography byte, + 128 if informal) before it goes to the indicator
// table: packed counts, the wage sum, and the cells in use in first-touch order.
struct FirmCellSums {
    struct Sums {
        std::uint64_t counts_lo = 0, counts_hi = 0;  // packed:: fields
        std::uint64_t wage_milli = 0;                // wages as ratios to the minimum, in thousandths, rounded
    };
    std::array<Sums, 256> cell{};
    std::array<std::uint8_t, 256> touched{};
    int touched_count = 0;
};

// Applies the month to the firm's working workers in slots [begin, end) (at most packed::max_workers
// of them): updates their status and debt columns and adds them to `sums`. Returns the month's
// complaints (injuries plus harassment).
std::uint32_t live_firm_workers(const FirmMonthRules& rules, const CounterRng& rng, std::uint32_t month,
                                std::uint32_t begin, std::uint32_t end, Workers& workers, FirmCellSums& sums);

// The same, one worker at a time: the plain statement of the rules. live_firm_workers uses it on CPUs
// without AVX2; the tests check the two agree.
std::uint32_t live_firm_workers_reference(const FirmMonthRules& rules, const CounterRng& rng, std::uint32_t month,
                                          std::uint32_t begin, std::uint32_t end, Workers& workers,
                                          FirmCellSums& sums);

// A firm's facts counted once for each employed worker of each of its cells.
struct FirmCellFacts {
    int cell_block = 0;          // its block of cells (GroupLayout): segment, and cohort when counted
    std::uint8_t compliant = 0;  // Area bitmask
    bool excess_hours = false;   // weekly hours above the legal limit
    bool inspected = false;      // visited by the inspectorate this month
    bool child_labour = false;   // not complying on child labour: its workers under 18 are child labour
};

// Adds the firm's cell sums into the [cell][counter] table `values` (a row is cell * counter_count),
// appends the rows it puts in use to `rows`, and clears the sums for the next firm.
void flush_firm_cells(const FirmCellFacts& facts, FirmCellSums& sums, std::uint64_t* values,
                      std::vector<std::uint32_t>& rows);

// The same, one counter at a time (used without AVX2; the tests check the two agree).
void flush_firm_cells_reference(const FirmCellFacts& facts, FirmCellSums& sums, std::uint64_t* values,
                                std::vector<std::uint32_t>& rows);

}  // namespace supplysim
