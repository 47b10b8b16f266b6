// The batched worker-month rules (outcome_batch.hpp) against their one-worker-at-a-time statement.
#include <catch2/catch.hpp>

#include <random>

#include "model/phases/outcome_batch.hpp"
#include "supplysim/model/indicators.hpp"

using namespace supplysim;

namespace {

Workers random_workers(std::size_t n, std::mt19937& gen) {
    Workers w;
    std::uniform_int_distribution<int> byte(0, 255), debt(0, 3);
    std::lognormal_distribution<float> premium(0.0f, 0.4f);
    for (std::size_t i = 0; i < n; ++i) {
        w.demography.push_back(std::uint8_t(byte(gen) & 127));
        w.status.push_back(std::uint8_t(byte(gen)));  // stale flags too: the rules must clear them
        w.debt_months.push_back(std::uint8_t(byte(gen) < 64 ? debt(gen) : 0));
        w.wage_premium.push_back(premium(gen));
    }
    return w;
}

FirmMonthRules random_rules(std::mt19937& gen, std::uint32_t begin, std::uint32_t end) {
    std::uniform_real_distribution<double> unit(0, 1);
    auto chance = [&] {
        const double u = unit(gen);  // some rules never or always pass
        return u < 0.1 ? 0.0 : u > 0.9 ? 1.0 : unit(gen) * 0.6;
    };
    FirmMonthRules r;
    r.pays = unit(gen) < 0.5;
    r.fair = unit(gen) < 0.5;
    r.no_forced = unit(gen) < 0.5;
    r.underpaid_keep = 0.5 + 0.5 * unit(gen);
    r.gap_keep = 0.7 + 0.3 * unit(gen);
    r.subcontracted_end = begin + std::uint32_t(unit(gen) * double(end - begin + 1));
    r.injury = DrawTest::of(chance());
    r.harassment[0] = DrawTest::of(chance());
    r.harassment[1] = DrawTest::of(chance());
    r.quit[0] = DrawTest::of(chance());
    r.quit[1] = DrawTest::of(chance());
    r.join_union = DrawTest::of(chance());
    r.leave_union = DrawTest::of(chance());
    return r;
}

}  // namespace

TEST_CASE("outcome batch: the vector rules give the one-worker rules' columns, cell sums and complaints",
          "[phases][outcomes][determinism][sanitizer]") {
    std::mt19937 gen(20261201);
    const CounterRng rng(0x5eed5eedULL, 3);
    int firms_with_events = 0;
    for (int trial = 0; trial < 200; ++trial) {
        // Firm sizes cover short batches (1..15 workers), whole batches and a ragged end.
        const std::uint32_t begin = std::uint32_t(gen() % 40), size = 1 + std::uint32_t(gen() % 90);
        const std::uint32_t end = begin + size;
        Workers fast = random_workers(end + 20, gen), slow = fast;
        const FirmMonthRules rules = random_rules(gen, begin, end);
        const auto month = std::uint32_t(trial);
        FirmCellSums fast_sums, slow_sums;
        const auto fast_complaints = live_firm_workers(rules, rng, month, begin, end, fast, fast_sums);
        const auto slow_complaints = live_firm_workers_reference(rules, rng, month, begin, end, slow, slow_sums);

        REQUIRE(fast_complaints == slow_complaints);
        REQUIRE(fast.status == slow.status);  // slots outside [begin, end) untouched by both
        REQUIRE(fast.debt_months == slow.debt_months);
        REQUIRE(fast_sums.touched_count == slow_sums.touched_count);
        for (int t = 0; t < slow_sums.touched_count; ++t) {
            REQUIRE(fast_sums.touched[t] == slow_sums.touched[t]);
            const auto& a = fast_sums.cell[slow_sums.touched[t]];
            const auto& b = slow_sums.cell[slow_sums.touched[t]];
            REQUIRE(a.counts_lo == b.counts_lo);
            REQUIRE(a.counts_hi == b.counts_hi);
            REQUIRE(a.wage_milli == b.wage_milli);
        }
        std::uint32_t employed = 0;
        for (int t = 0; t < slow_sums.touched_count; ++t)
            employed += packed::field(slow_sums.cell[slow_sums.touched[t]].counts_lo, packed::employed);
        REQUIRE(employed == size);
        if (slow_complaints > 0) ++firms_with_events;
    }
    CHECK(firms_with_events > 50);  // the comparison saw injuries and harassment, not only quiet months
}

TEST_CASE("outcome batch: the vector flush of a firm's cells adds what the one-counter flush adds",
          "[phases][outcomes][determinism][sanitizer]") {
    std::mt19937 gen(7);
    const CounterRng rng(99, 0);
    constexpr int segments = 3;
    for (int trial = 0; trial < 100; ++trial) {
        const std::uint32_t size = 1 + std::uint32_t(gen() % 300);
        Workers workers = random_workers(size, gen);
        FirmCellSums sums;
        live_firm_workers_reference(random_rules(gen, 0, size), rng, std::uint32_t(trial), 0, size, workers, sums);
        FirmCellSums fast_sums = sums;
        FirmCellFacts facts;
        facts.cell_block = int(gen() % segments);
        facts.compliant = std::uint8_t(gen());
        facts.excess_hours = gen() % 2;
        facts.inspected = gen() % 2;
        facts.child_labour = gen() % 2;
        // A table where some rows are already in use (other firms of the month).
        std::vector<std::uint64_t> slow_table(std::size_t(segments) * 256 * counter_count, 0);
        std::vector<std::uint32_t> slow_rows;
        for (int k = 0; k < 40; ++k) {
            const auto row = std::uint32_t(gen() % (segments * 256)) * counter_count;
            if (slow_table[row + c_employed] == 0) slow_rows.push_back(row);
            for (int c = 0; c < counter_count; ++c) slow_table[row + std::uint32_t(c)] += 1 + gen() % 5;
        }
        auto fast_table = slow_table;
        auto fast_rows = slow_rows;
        flush_firm_cells_reference(facts, sums, slow_table.data(), slow_rows);
        flush_firm_cells(facts, fast_sums, fast_table.data(), fast_rows);
        REQUIRE(fast_table == slow_table);
        REQUIRE(fast_rows == slow_rows);
        REQUIRE(fast_sums.touched_count == 0);
        for (const auto& c : fast_sums.cell) REQUIRE((c.counts_lo | c.counts_hi | c.wage_milli) == 0);
        std::uint64_t employed = 0;
        for (std::size_t row = 0; row < slow_table.size(); row += counter_count) employed += slow_table[row + c_employed];
        REQUIRE(employed > size);  // the firm's workers arrived on top of the rows already there
    }
}

TEST_CASE("outcome batch: draw tests match u < p at the edges", "[phases][outcomes][sanitizer]") {
    CHECK(DrawTest::of(0.0).below == 0);
    CHECK(DrawTest::of(0.0).always == 0);
    CHECK(DrawTest::of(1.0).always == 0xFFFFFFFFu);
    CHECK(DrawTest::of(2.0).always == 0xFFFFFFFFu);
    const auto half = DrawTest::of(0.5);
    CHECK(half.always == 0);
    CHECK(half.below == 0x80000000u);  // (r + 0.5) / 2^32 < 0.5 exactly for r < 2^31
}
