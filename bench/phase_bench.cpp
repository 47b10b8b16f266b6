// Per-phase microbenchmarks (Google Benchmark). Each benchmark runs one phase of the monthly pipeline
// on a world of the standard scenario scaled to `workers` (default 200,000); items are worker-months,
// so items_per_second compares directly with the end-to-end figure of supplysim_bench.
//   supplysim_phase_bench [--benchmark_filter=...]   (SUPPLYSIM_BENCH_SCENARIO overrides the scenario)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include "supplysim/input/scenario_loader.hpp"
#include "supplysim/model/groups.hpp"
#include "supplysim/model/indicators.hpp"
#include "supplysim/model/phases/compliance.hpp"
#include "supplysim/model/phases/inspection.hpp"
#include "supplysim/model/phases/labour_market.hpp"
#include "supplysim/model/phases/orders.hpp"
#include "supplysim/model/phases/subcontracting.hpp"
#include "supplysim/model/phases/worker_outcomes.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/population.hpp"
#include "supplysim/model/rng.hpp"

using namespace supplysim;

namespace {

struct Fixture {
    Scenario s;
    std::unique_ptr<GroupLayout> layout;
    std::unique_ptr<CounterRng> rng;
    Policy policy;
    World world;
    MonthCells cells;

    explicit Fixture(std::int64_t workers) {
        const char* path = std::getenv("SUPPLYSIM_BENCH_SCENARIO");
        s = load_scenario(path ? path : SUPPLYSIM_SOURCE_DIR "/bench/scenarios/bench_1m.yaml");
        const double was = double(s.total_workers());
        for (auto& c : s.countries) c.workers = std::llround(double(c.workers) * double(workers) / was);
        layout = std::make_unique<GroupLayout>(s);
        rng = std::make_unique<CounterRng>(s.seed, 0);
        policy = policy_for_month(s, 0);
        world = build_world(s, policy, *rng);
        cells = MonthCells(std::size_t(layout->cell_count()));
        // A few months so the state is typical (orders placed, hours set).
        for (int m = 0; m < 3; ++m) step(m);
    }
    void step(int m) {
        place_orders(world, s, policy, *rng, m);
        produce_and_subcontract(world, s, policy, m);
        decide_compliance(world, s, policy, *rng, m);
        inspect_and_audit(world, s, policy, *rng, m);
        live_the_month(world, s, policy, *rng, m, cells);
        move_workers(world, s, *rng, m);
    }
    double workers() const { return double(world.workers.size()); }
};

Fixture& fixture() {
    static Fixture f(200'000);
    return f;
}

template <class Phase>
void run_phase(benchmark::State& state, Phase phase) {
    auto& fx = fixture();
    int m = 3;
    for (auto _ : state) {
        phase(fx, m);
        ++m;
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(fx.workers()));
}

void BM_place_orders(benchmark::State& st) {
    run_phase(st, [](Fixture& f, int m) { place_orders(f.world, f.s, f.policy, *f.rng, m); });
}
void BM_produce_and_subcontract(benchmark::State& st) {
    run_phase(st, [](Fixture& f, int m) { produce_and_subcontract(f.world, f.s, f.policy, m); });
}
void BM_decide_compliance(benchmark::State& st) {
    run_phase(st, [](Fixture& f, int m) { decide_compliance(f.world, f.s, f.policy, *f.rng, m); });
}
void BM_inspect_and_audit(benchmark::State& st) {
    run_phase(st, [](Fixture& f, int m) { inspect_and_audit(f.world, f.s, f.policy, *f.rng, m); });
}
void BM_live_the_month(benchmark::State& st) {
    run_phase(st, [](Fixture& f, int m) {
        live_the_month(f.world, f.s, f.policy, *f.rng, m, f.cells);
    });
}
void BM_move_workers(benchmark::State& st) {
    run_phase(st, [](Fixture& f, int m) { move_workers(f.world, f.s, *f.rng, m); });
}
void BM_record_month(benchmark::State& st) {
    auto& fx = fixture();
    Series series;
    series.indicators = int(indicator_catalogue().size());
    series.months = 1;
    series.groups = fx.layout->group_count();
    series.values.assign(std::size_t(series.indicators) * series.groups, 0.0);
    for (auto _ : st) {
        record_month(fx.cells.values, *fx.layout, 0, series);
        benchmark::DoNotOptimize(series.values.data());
    }
    st.SetItemsProcessed(std::int64_t(st.iterations()) * std::int64_t(fx.workers()));
}
void BM_policy_for_month(benchmark::State& st) {
    auto& fx = fixture();
    int m = 0;
    for (auto _ : st) {
        Policy p = policy_for_month(fx.s, m++ % 120);
        benchmark::DoNotOptimize(p.countries.data());
    }
}
void BM_build_world(benchmark::State& st) {
    auto& fx = fixture();
    for (auto _ : st) {
        World w = build_world(fx.s, fx.policy, *fx.rng);
        benchmark::DoNotOptimize(w.workers.status.data());
    }
    st.SetItemsProcessed(std::int64_t(st.iterations()) * std::int64_t(fx.workers()));
}
void BM_philox_block(benchmark::State& st) {
    const CounterRng rng(1, 0);
    std::uint32_t i = 0;
    for (auto _ : st) {
        auto u = rng.uniforms(7, i++, Purpose::worker_outcome);
        benchmark::DoNotOptimize(u);
    }
    st.SetItemsProcessed(std::int64_t(st.iterations()));
}

}  // namespace

BENCHMARK(BM_philox_block);
// What simulate_replicate uses: the same values as record_month, checked here bit for bit.
void BM_month_recorder(benchmark::State& st) {
    auto& fx = fixture();
    Series series, reference;
    series.indicators = int(indicator_catalogue().size());
    series.months = 1;
    series.groups = fx.layout->group_count();
    series.values.assign(std::size_t(series.indicators) * series.groups, 0.0);
    reference = series;
    record_month(fx.cells.values, *fx.layout, 0, reference);
    MonthRecorder recorder(*fx.layout);
    recorder.record(fx.cells, 0, series);
    if (std::memcmp(series.values.data(), reference.values.data(), series.values.size() * sizeof(double)) != 0) {
        st.SkipWithError("MonthRecorder differs from record_month");
        return;
    }
    for (auto _ : st) {
        recorder.record(fx.cells, 0, series);
        benchmark::DoNotOptimize(series.values.data());
    }
    st.SetItemsProcessed(std::int64_t(st.iterations()) * std::int64_t(fx.workers()));
}
BENCHMARK(BM_place_orders)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_produce_and_subcontract)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_decide_compliance)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_inspect_and_audit)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_live_the_month)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_move_workers)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_record_month)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_month_recorder)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_policy_for_month)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_build_world)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
