#include "supplysim/phases/worker_outcomes.hpp"

#include <tbb/combinable.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <mutex>

#include "supplysim/rng_batch.hpp"

namespace supplysim {

double wage_ratio(const World& w, const Scenario& s, std::size_t f, std::uint32_t i) {
    const auto& firms = w.firms;
    const double premium = w.workers.wage_premium[i];
    const bool informal = w.workers.status[i] & status::informal;
    double wage = premium;
    if (!firms.complies(f, Area::wages) || informal) wage = premium * (1.0 - firms.underpayment[f]);
    if (!firms.complies(f, Area::discrimination) && (w.workers.demography[i] & demo::female))
        wage *= 1.0 - s.parameters.workers.gender_pay_gap;
    return wage;
}

namespace {

// Performance notes (docs/performance.md). This loop is most of the engine's time, so:
//  - random words come from philox_bits, a batched Philox that reproduces CounterRng's draws exactly;
//  - draws are compared with integer thresholds (draw_threshold) fixed per firm;
//  - outcomes are summed per firm in a small table indexed by the worker's demography cell, and only
//    the cells a firm touched are flushed into the thread's [cell][counter] table, where the firm-wide
//    facts (compliance, hours, inspection, child labour, formality) become one multiply per cell
//    instead of one add per worker;
//  - the thread tables are reused across months and replicates (a pool), and only their touched rows
//    are combined and cleared, so a month's fixed cost does not scale with the 1 MB table.
// Counts are integers, so none of this changes a result, for any thread count.

// What varies between workers of one firm and one demography cell.
struct CellSums {
    std::uint32_t employed, below_minimum, injuries, harassed, forced, union_members, subcontracted, quits;
    std::uint64_t wage_milli;
};

struct ThreadTable {
    CellCounters values;                     // [cell][counter]; rows not in `rows` are all zero
    std::vector<std::uint32_t> rows;         // rows with a nonzero employed count
    std::array<CellSums, 256> firm{};        // per (demography byte + 128 * informal), this firm only
    std::array<std::uint8_t, 256> touched{}; // firm-cell indices in use, in first-touch order
    int touched_count = 0;
};

// Tables are recycled through a pool rather than kept per thread: a thread waiting inside one
// replicate's parallel loop may run another replicate's tasks, so a table belongs to one call.
class TablePool {
public:
    ThreadTable* acquire(std::size_t values) {
        std::unique_ptr<ThreadTable> t;
        {
            std::lock_guard lock(mutex_);
            if (!free_.empty()) {
                t = std::move(free_.back());
                free_.pop_back();
            }
        }
        if (!t) t = std::make_unique<ThreadTable>();
        if (t->values.size() != values) t->values.assign(values, 0);  // rows are clear, but sized for another layout
        return t.release();
    }
    void release(ThreadTable* t) {
        std::lock_guard lock(mutex_);
        free_.emplace_back(t);
    }

private:
    std::mutex mutex_;
    std::vector<std::unique_ptr<ThreadTable>> free_;
};

TablePool& table_pool() {
    static TablePool pool;
    return pool;
}

// Worlds below this many workers run the loop on the calling thread: the work of a month is then
// smaller than the cost of waking other threads (sweeps of small worlds).
constexpr std::size_t serial_below_workers = 16384;

}  // namespace

void live_the_month(World& w, const Scenario& s, const Policy& policy, const CounterRng& rng, int month,
                    CellCounters& cells) {
    const auto& wp = s.parameters.workers;
    auto& firms = w.firms;
    auto& workers = w.workers;
    const std::size_t cell_values = cells.size();
    const double gap_keep = 1.0 - wp.gender_pay_gap;

    // Clear last month's rows (only rows with someone employed can be nonzero).
    for (std::size_t row = 0; row < cell_values; row += counter_count)
        if (cells[row + c_employed] != 0) std::fill_n(&cells[row], counter_count, 0);

    auto run_firms = [&](ThreadTable& local, std::size_t first_firm, std::size_t last_firm) {
        std::uint32_t bits[4][philox_batch];
        for (std::size_t f = first_firm; f != last_firm; ++f) {
            const auto& country = policy.countries[firms.country[f]];
            const int seg = w.segments.of(firms.country[f], firms.sector[f], firms.tier[f]);
            const auto begin = firms.worker_begin[f], end = firms.worker_begin[f + 1];
            const auto employed = begin + std::uint32_t(std::lround(firms.utilisation[f] * double(end - begin)));
            const auto working_end = std::min(employed, end);  // utilisation is at most 1, but be safe
            const auto subcontracted =
                firms.orders[f] > 0 ? begin + std::uint32_t(std::lround(double(employed - begin) *
                                                                          firms.subcontracted_in[f] / firms.orders[f]))
                                    : begin;
            const double limit = s.countries[firms.country[f]].hours_limit;
            const bool excess_hours = firms.weekly_hours[f] > limit + 1e-6;
            const bool osh = firms.complies(f, Area::osh);
            const bool fair = firms.complies(f, Area::discrimination);
            const bool pays = firms.complies(f, Area::wages);
            const bool free_to_organise = firms.complies(f, Area::freedom_of_association);
            const bool no_child = firms.complies(f, Area::child_labour);
            const bool no_forced = firms.complies(f, Area::forced_labour);
            const double p_injury = s.sectors[firms.sector[f]].injury_rate / 1000.0 *
                                    (osh ? 1.0 : wp.injury_multiplier) * (excess_hours ? 1.3 : 1.0);
            const double p_harass = wp.harassment_rate * (fair ? 1.0 : wp.harassment_multiplier);
            // Organising tends to the country's density where it is free; elsewhere unions are pushed out.
            const double epz = (firms.kind[f] & firm_kind::epz) ? country.epz_union_access : 1.0;
            const double density = std::clamp(country.union_density * epz, 0.0, 0.95);
            // Members leave by resigning or by quitting the job (hires start as non-members); joining
            // balances both so membership settles at the country's density where organising is free.
            const double p_join = free_to_organise ? (wp.union_leave_rate + wp.quit_rate) * density / (1.0 - density) : 0.0;
            const double p_leave = free_to_organise ? wp.union_leave_rate : 5.0 * wp.union_leave_rate;
            // The same probabilities as integer thresholds on the raw words (exact, see rng_batch.hpp).
            const std::uint64_t t_injury = draw_threshold(p_injury);
            const std::uint64_t t_harass[2] = {draw_threshold(p_harass),
                                               draw_threshold(p_harass * wp.harassment_female_multiplier)};
            const std::uint64_t t_quit[2] = {draw_threshold(wp.quit_rate),
                                             draw_threshold(wp.quit_rate * wp.quit_multiplier_bad_job)};
            const std::uint64_t t_join = draw_threshold(p_join), t_leave = draw_threshold(p_leave);
            const double underpaid_keep = 1.0 - firms.underpayment[f];

            std::uint32_t complaints = 0;
            for (auto i0 = begin; i0 < working_end; i0 += philox_batch) {
                const int n = int(std::min<std::uint32_t>(philox_batch, working_end - i0));
                philox_bits(rng, std::uint32_t(month), i0, Purpose::worker_outcome, 0, bits);
                for (int j = 0; j < n; ++j) {
                    const auto i = i0 + std::uint32_t(j);
                    std::uint8_t st = workers.status[i] & (status::informal | status::union_member);
                    const std::uint8_t d = workers.demography[i];
                    const bool female = d & demo::female;
                    const bool member = st & status::union_member;
                    const bool informal = st & status::informal;
                    // wage_ratio(), with the same operations in the same order (bit-identical).
                    const double premium = workers.wage_premium[i];
                    double wage = (!pays || informal) ? premium * underpaid_keep : premium;
                    if (!fair && female) wage *= gap_keep;
                    const bool injured = bits[0][j] < t_injury;
                    const bool harassed = bits[1][j] < t_harass[female];
                    if (!informal && !member && bits[3][j] < t_join) st |= status::union_member;
                    if (member && bits[3][j] < t_leave) st &= ~status::union_member;
                    // Recruitment debt is worked off month by month; lawful employers repay it (employer pays).
                    const std::uint8_t debt = workers.debt_months[i];
                    const bool forced = debt > 0 && !no_forced;
                    workers.debt_months[i] = no_forced ? 0 : std::uint8_t(debt > 0 ? debt - 1 : 0);
                    const bool below = wage < 1.0;
                    const bool bad_job = injured || harassed || below;
                    // Bonded workers cannot leave; that is what makes the labour forced.
                    const bool quits = !forced && bits[2][j] < t_quit[bad_job];
                    st |= (injured ? status::injured : 0) | (harassed ? status::harassed : 0) |
                          (quits ? status::quit : 0);
                    workers.status[i] = st;
                    complaints += injured + harassed;

                    const int k = d | (informal ? 128 : 0);
                    CellSums& c = local.firm[k];
                    if (c.employed == 0) local.touched[local.touched_count++] = std::uint8_t(k);
                    c.employed += 1;
                    c.wage_milli += std::uint64_t(round_half_away(wage * 1000.0));
                    c.below_minimum += below;
                    c.injuries += injured;
                    c.harassed += harassed;
                    c.forced += forced;
                    c.union_members += (st & status::union_member) != 0;
                    c.subcontracted += i < subcontracted;
                    c.quits += quits;
                }
            }
            // Laid off this month: no outcomes, not counted as employed.
            for (auto i = working_end; i < end; ++i)
                workers.status[i] &= (status::informal | status::union_member);
            firms.complaints[f] = std::uint16_t(std::min<std::uint32_t>(complaints, 65535));

            // Flush the firm's cells; firm-wide facts count once per cell.
            const std::uint8_t compliant = firms.compliant[f];
            const std::uint64_t inspected = firms.inspected[f];
            for (int t = 0; t < local.touched_count; ++t) {
                const int k = local.touched[t];
                CellSums& c = local.firm[k];
                const std::uint8_t d = std::uint8_t(k & 127);
                const bool informal = k & 128;
                const std::size_t row = std::size_t(GroupLayout::cell_of(seg, d, informal)) * counter_count;
                std::uint64_t* out = &local.values[row];
                if (out[c_employed] == 0) local.rows.push_back(std::uint32_t(row));
                const std::uint64_t m = c.employed;
                out[c_employed] += m;
                for (std::size_t a = 0; a < area_count; ++a) out[c_compliant_first + a] += m * ((compliant >> a) & 1u);
                out[c_wage_milli] += c.wage_milli;
                out[c_below_minimum] += c.below_minimum;
                out[c_excess_hours] += excess_hours ? m : 0;
                out[c_injuries] += c.injuries;
                out[c_harassed] += c.harassed;
                out[c_child_labour] += (!no_child && demo::age_band(d) == demo::under_18) ? m : 0;
                out[c_forced_labour] += c.forced;
                out[c_union] += c.union_members;
                out[c_informal] += informal ? m : 0;
                out[c_subcontracted] += c.subcontracted;
                out[c_quits] += c.quits;
                out[c_inspected] += m * inspected;
                c = CellSums{};
            }
            local.touched_count = 0;
        }
    };

    auto& pool = table_pool();
    tbb::combinable<ThreadTable*> partial([&] { return pool.acquire(cell_values); });
    if (workers.size() < serial_below_workers) {
        run_firms(*partial.local(), 0, firms.size());
    } else {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, firms.size()),
                          [&](const tbb::blocked_range<std::size_t>& r) { run_firms(*partial.local(), r.begin(), r.end()); });
    }
    // Integer sums: the combination order cannot change the result. Only touched rows are added and
    // cleared, and the tables go back to the pool clean.
    partial.combine_each([&](ThreadTable* local) {
        for (const std::uint32_t row : local->rows) {
            std::uint64_t* in = &local->values[row];
            std::uint64_t* out = &cells[row];
            for (int k = 0; k < counter_count; ++k) out[k] += in[k], in[k] = 0;
        }
        local->rows.clear();
        pool.release(local);
    });
}

}  // namespace supplysim
