#include "supplysim/model/phases/worker_outcomes.hpp"

#include <tbb/combinable.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>

#include "model/firm_loop.hpp"
#include "model/phases/outcome_batch.hpp"

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
//  - the per-worker rules run on batches of 16 workers in vector registers (outcome_batch.hpp), with
//    draws from a batched Philox that reproduces CounterRng's draws exactly, compared with integer
//    thresholds fixed per firm;
//  - outcomes are summed per firm in a small table indexed by the worker's demography cell, and only
//    the cells a firm touched are flushed into the thread's [cell][counter] table, where the firm-wide
//    facts (compliance, hours, inspection, child labour, formality) become one multiply per cell
//    instead of one add per worker;
//  - the thread tables are reused across months and replicates (a pool), and only their touched rows
//    are combined and cleared, so a month's fixed cost does not scale with the 1 MB table.
// Counts are integers, so none of this changes a result, for any thread count.

struct ThreadTable {
    CellCounters values;              // [cell][counter]; rows not in `rows` are all zero
    std::vector<std::uint32_t> rows;  // rows with a nonzero employed count
    FirmCellSums firm;                // this firm only
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

}  // namespace

void live_the_month(World& w, const Scenario& s, const Policy& policy, const CounterRng& rng, int step,
                    MonthCells& cells) {
    const auto& wp = s.parameters.workers;
    auto& firms = w.firms;
    auto& workers = w.workers;
    const std::size_t cell_values = cells.values.size();
    const double gap_keep = 1.0 - wp.gender_pay_gap;

    // Clear last month's rows (only rows in use can be nonzero).
    for (const std::uint32_t row : cells.rows) std::fill_n(&cells.values[row], counter_count, 0);
    cells.rows.clear();

    // Firms add their cells into `values`, listing the rows they put in use in `rows`.
    auto run_firms = [&](FirmCellSums& firm, std::uint64_t* values, std::vector<std::uint32_t>& rows,
                         std::size_t first_firm, std::size_t last_firm) {
        for (std::size_t f = first_firm; f != last_firm; ++f) {
            const auto& country = policy.countries[firms.country[f]];
            const int seg = w.segments.of(firms.country[f], firms.sector[f], firms.tier[f]);
            const auto begin = firms.worker_begin[f], end = firms.worker_begin[f + 1];
            const auto working_end = firms.working_end(f);
            const auto subcontracted =
                firms.orders[f] > 0 ? begin + std::uint32_t(std::lround(double(working_end - begin) *
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
                                    (osh ? 1.0 : wp.injury_multiplier) * (excess_hours ? wp.excess_hours_injury_multiplier : 1.0);
            const double p_harass = wp.harassment_rate * (fair ? 1.0 : wp.harassment_multiplier);
            // Organising tends to the country's density where it is free; elsewhere unions are pushed out.
            const double epz = (firms.kind[f] & firm_kind::epz) ? country.epz_union_access : 1.0;
            const double density = std::clamp(country.union_density * epz, 0.0, 0.95);
            // Members leave by resigning or by quitting the job (hires start as non-members); joining
            // balances both so membership settles at the country's density where organising is free.
            const double p_join = free_to_organise ? (wp.union_leave_rate + wp.quit_rate) * density / (1.0 - density) : 0.0;
            const double p_leave = free_to_organise ? wp.union_leave_rate : wp.union_leave_multiplier_unfree * wp.union_leave_rate;
            FirmMonthRules rules;
            rules.pays = pays;
            rules.fair = fair;
            rules.no_forced = no_forced;
            rules.underpaid_keep = 1.0 - firms.underpayment[f];
            rules.gap_keep = gap_keep;
            rules.subcontracted_end = subcontracted;
            rules.injury = DrawTest::of(p_injury);
            rules.harassment[0] = DrawTest::of(p_harass);
            rules.harassment[1] = DrawTest::of(p_harass * wp.harassment_female_multiplier);
            rules.quit[0] = DrawTest::of(wp.quit_rate);
            rules.quit[1] = DrawTest::of(wp.quit_rate * wp.quit_multiplier_bad_job);
            rules.join_union = DrawTest::of(p_join);
            rules.leave_union = DrawTest::of(p_leave);

            FirmCellFacts facts;
            facts.cell_block = w.cell_block(f, seg);
            facts.compliant = firms.compliant[f];
            facts.excess_hours = excess_hours;
            facts.inspected = firms.inspected[f] != 0;
            facts.child_labour = !no_child;

            std::uint32_t complaints = 0;
            // Chunks keep every packed 16-bit count below its limit; batches stay aligned to 16 slots.
            constexpr std::uint32_t chunk = packed::max_workers / philox_batch * philox_batch;
            for (auto first = begin; first < working_end; first += chunk) {
                const auto last = first + std::min(chunk, working_end - first);
                complaints += live_firm_workers(rules, rng, std::uint32_t(step), first, last, workers, firm);
                flush_firm_cells(facts, firm, values, rows);
            }
            // Laid off this month: no outcomes, not counted as employed.
            for (auto i = working_end; i < end; ++i)
                workers.status[i] &= (status::informal | status::union_member);
            firms.complaints[f] = std::uint16_t(std::min<std::uint32_t>(complaints, 65535));
        }
    };

    if (loops_serially(w)) {
        // One thread: firms add straight into the month's table, nothing to combine.
        FirmCellSums firm;
        return run_firms(firm, cells.values.data(), cells.rows, 0, firms.size());
    }
    auto& pool = table_pool();
    tbb::combinable<ThreadTable*> partial([&] { return pool.acquire(cell_values); });
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, firms.size()), [&](const tbb::blocked_range<std::size_t>& r) {
        ThreadTable& local = *partial.local();
        run_firms(local.firm, local.values.data(), local.rows, r.begin(), r.end());
    });
    // Integer sums: the combination order cannot change the result. Only touched rows are added and
    // cleared, and the tables go back to the pool clean.
    partial.combine_each([&](ThreadTable* local) {
        for (const std::uint32_t row : local->rows) {
            std::uint64_t* in = &local->values[row];
            std::uint64_t* out = &cells.values[row];
            if (out[c_employed] == 0) cells.rows.push_back(row);  // rows in use have someone employed
            for (int k = 0; k < counter_count; ++k) out[k] += in[k], in[k] = 0;
        }
        local->rows.clear();
        pool.release(local);
    });
}

}  // namespace supplysim
