// End-to-end benchmark of the engine. One run prints every figure of docs/performance.md:
//   - worker-months per second end to end at 1 million workers (population build, all phases,
//     indicators, HDF5 write), median of several repetitions, at 1 and 2 threads, and the speed-up;
//   - peak resident memory per worker;
//   - the machine's memory bandwidth (a STREAM-style triad, measured here) and the bytes the engine
//     moves per worker-month, so the rate reads as a fraction of the bandwidth roofline;
//   - growth: worker-months per second at 100 thousand, 1 million and 10 million workers;
//   - sweep overhead: per-run cost of 1,000 runs of a small world (simulate + write into one file).
//
// usage: supplysim_bench [--scenario bench/scenarios/bench_1m.yaml] [--reps N] [--quick]
//                        [--skip-10m] [--sweep-runs N] [--out-dir DIR]
// A "worker-month" is one worker in one recorded month: spin-up months are simulated and paid for
// but not counted, so the figure is what an analyst gets per second of waiting.
#include <sys/resource.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "supplysim/input/scenario_loader.hpp"
#include "supplysim/model/simulation.hpp"
#include "supplysim/output/result_file.hpp"
#include "supplysim/runs/experiment.hpp"

using namespace supplysim;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// Resident set (VmRSS) and its high-water mark (VmHWM) in bytes, from /proc/self/status.
long long proc_status_kb(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::size_t n = std::strlen(key);
    while (std::getline(in, line))
        if (line.compare(0, n, key) == 0) return std::atoll(line.c_str() + n + 1);
    return -1;
}
// Resets VmHWM to the current RSS (Linux >= 4.0), so a later peak belongs to what ran in between.
bool reset_peak_rss() {
    std::ofstream out("/proc/self/clear_refs");
    out << "5";
    return bool(out);
}

// Rescales the countries' workers so the world has `total` workers in the same proportions.
void set_workers(Scenario& s, std::int64_t total) {
    const double was = double(s.total_workers());
    std::int64_t given = 0;
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        auto& w = s.countries[c].workers;
        w = c + 1 == s.countries.size() ? total - given : std::llround(double(w) * double(total) / was);
        given += w;
    }
}

// One end-to-end replicate: layout, population build, all months, indicators, HDF5 file written and
// closed. Returns wall seconds.
double end_to_end(const Scenario& s, const std::string& out) {
    const auto t0 = Clock::now();
    const GroupLayout layout(s);
    Series series = simulate_replicate(s, layout, 0);
    auto file = ResultFile::create(out, make_header(s, layout, 1, 1, "supplysim_bench"));
    file.write_replicate(0, 0, series);
    file.mark_run_done(0);
    file.finish();
    const double t = seconds_since(t0);
    std::filesystem::remove(out);
    return t;
}

struct Rate {
    double median_s = 0;
    double wm_per_s = 0;  // recorded worker-months per second
};

Rate measure(const Scenario& s, int threads, int reps, const std::string& out) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
    std::vector<double> t;
    for (int r = 0; r < reps; ++r) t.push_back(end_to_end(s, out));
    const double m = median(t);
    return {m, double(s.total_workers()) * s.months() / m};
}

// STREAM triad a[i] = b[i] + q * c[i] over arrays far larger than the caches, on all threads; best of
// several passes, counting 24 bytes per element (two reads, one write; write-allocate not counted, as
// in STREAM).
double triad_bandwidth(int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
    const std::size_t n = std::size_t(1) << 25;  // 32 Mi doubles = 256 MiB per array
    std::vector<double> a(n), b(n), c(n);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1 << 16), [&](const tbb::blocked_range<std::size_t>& r) {
        for (auto i = r.begin(); i != r.end(); ++i) a[i] = 0, b[i] = 1.0 + double(i & 7), c[i] = 2.0;
    });
    double best = 1e30;
    for (int pass = 0; pass < 7; ++pass) {
        const double q = 3.0 + pass;
        const auto t0 = Clock::now();
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1 << 16),
                          [&](const tbb::blocked_range<std::size_t>& r) {
                              double* __restrict pa = a.data();
                              const double* __restrict pb = b.data();
                              const double* __restrict pc = c.data();
                              for (auto i = r.begin(); i != r.end(); ++i) pa[i] = pb[i] + q * pc[i];
                          });
        best = std::min(best, seconds_since(t0));
    }
    volatile double sink = a[n / 3];
    (void)sink;
    return 24.0 * double(n) / best;
}

// Bytes of worker state the two per-worker loops touch per simulated worker-month (DRAM traffic when
// the worker columns do not fit in cache; counted from the layout in world.hpp):
//   live_the_month reads demography 1, status 1, debt 1, wage_premium 4 and writes status 1, debt 1;
//   move_workers reads demography 1, status 1 and writes status 1. Hires (a few per cent of workers)
//   rewrite 7 bytes; firm columns are ~100 times fewer and are ignored.
constexpr double bytes_per_worker_step = 9 + 3 + 0.05 * 7;

// Sweep overhead: until the sweep command is used here, `runs` runs of a small world in-process, one
// after another, each simulated and written into one shared result file as a sweep would, at the
// default deflate level and with outputs.compression 0; then the simulation alone. Seconds per run.
struct SweepCost {
    double with_write = 0, uncompressed = 0, simulation = 0;
};

SweepCost sweep_overhead(const Scenario& base, int runs, const std::string& out) {
    Scenario small = base;
    set_workers(small, 1000);
    const GroupLayout small_layout(small);
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(2));
    auto simulate_and_write = [&](int compression) {
        const auto t0 = Clock::now();
        {
            OutputHeader header = make_header(small, small_layout, 1, runs, "supplysim_bench");
            header.compression = compression;
            auto file = ResultFile::create(out, header);
            for (int run = 0; run < runs; ++run) {
                const Series series = simulate_replicate(small, small_layout, run);
                file.write_replicate(run, 0, series);
                file.mark_run_done(run);
            }
            file.finish();
        }
        std::filesystem::remove(out);
        return seconds_since(t0) / runs;
    };
    SweepCost cost;
    cost.with_write = simulate_and_write(small.outputs.compression);
    cost.uncompressed = simulate_and_write(0);
    const auto t1 = Clock::now();
    for (int run = 0; run < runs; ++run) simulate_replicate(small, small_layout, run);
    cost.simulation = seconds_since(t1) / runs;
    return cost;
}

struct Args {
    std::string scenario = std::string(SUPPLYSIM_SOURCE_DIR) + "/bench/scenarios/bench_1m.yaml";
    std::string out_dir = std::filesystem::temp_directory_path().string();
    int reps = 5;
    int sweep_runs = 1000;
    bool skip_10m = false;
    bool sweep_only = false;  // --sweep-only: just the sweep-overhead figure (quick checks)
};

Args parse(int argc, char** argv) {
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string k = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) { std::fprintf(stderr, "%s needs a value\n", k.c_str()); std::exit(2); }
            return argv[++i];
        };
        if (k == "--scenario") a.scenario = next();
        else if (k == "--reps") a.reps = std::max(1, std::atoi(next().c_str()));
        else if (k == "--sweep-runs") a.sweep_runs = std::max(1, std::atoi(next().c_str()));
        else if (k == "--out-dir") a.out_dir = next();
        else if (k == "--skip-10m") a.skip_10m = true;
        else if (k == "--sweep-only") a.sweep_only = true;
        else if (k == "--quick") a.reps = 1, a.sweep_runs = 100, a.skip_10m = true;
        else {
            std::fprintf(stderr,
                         "usage: supplysim_bench [--scenario FILE] [--reps N] [--sweep-runs N] [--skip-10m] "
                         "[--sweep-only] [--quick] [--out-dir DIR]\n");
            std::exit(k == "-h" || k == "--help" ? 0 : 2);
        }
    }
    return a;
}

}  // namespace

int main(int argc, char** argv) {
    const Args args = parse(argc, argv);
    Scenario base = load_scenario(args.scenario);
    const std::string out = args.out_dir + "/supplysim_bench_" + std::to_string(getpid()) + ".h5";
    const int cores = int(sysconf(_SC_NPROCESSORS_ONLN));
    const int spin_up = base.parameters.production.spin_up_months;
    std::printf("supplysim_bench: scenario %s, %d recorded months (+%d spin-up), %d cores, %d repetitions\n",
                args.scenario.c_str(), base.months(), spin_up, cores, args.reps);
    std::fflush(stdout);

    if (args.sweep_only) {
        const SweepCost cost = sweep_overhead(base, args.sweep_runs, out);
        std::printf("sweep overhead: %.3f ms per run (outputs.compression 0: %.3f ms; simulation only %.3f ms), "
                    "%d runs of 1,000 workers\n",
                    cost.with_write * 1e3, cost.uncompressed * 1e3, cost.simulation * 1e3, args.sweep_runs);
        return 0;
    }
    Scenario s1m = base;
    set_workers(s1m, 1'000'000);

    // 1. Peak memory first, while the heap is fresh: reset the high-water mark, run once at 1M workers.
    const long long rss_before = proc_status_kb("VmRSS:") * 1024;
    const bool reset = reset_peak_rss();
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(2));
        end_to_end(s1m, out);
    }
    const long long hwm = proc_status_kb("VmHWM:") * 1024;
    const double per_worker_net = double(hwm - rss_before) / 1e6;
    const double per_worker_gross = double(hwm) / 1e6;

    // 2. End-to-end rate at 1M workers, 1 and 2 threads (alternating blocks would be fairer on a shared
    //    machine; medians of `reps` are what we have).
    const Rate r2 = measure(s1m, 2, args.reps, out);
    const Rate r1 = measure(s1m, 1, args.reps, out);

    // 3. Roofline.
    const double bw = triad_bandwidth(2);
    const double steps_per_month = double(base.months() + spin_up) / base.months();
    const double bytes_wm = bytes_per_worker_step * steps_per_month;

    // 4. Growth with workers (2 threads).
    Scenario s100k = base;
    set_workers(s100k, 100'000);
    const Rate g100k = measure(s100k, 2, args.reps, out);
    std::optional<Rate> g10m;
    if (!args.skip_10m) {
        Scenario s10m = base;
        set_workers(s10m, 10'000'000);
        g10m = measure(s10m, 2, std::max(1, std::min(args.reps, 3)), out);
    }

    // 5. Sweep overhead.
    const SweepCost sweep = sweep_overhead(base, args.sweep_runs, out);

    const double bytes_rate = bytes_wm * r2.wm_per_s;
    std::printf("\n%-62s %14s\n", "figure", "value");
    std::printf("%-62s %14.1f\n", "worker-months/s, 1M workers, 2 threads (millions, median)", r2.wm_per_s / 1e6);
    std::printf("%-62s %14.1f\n", "worker-months/s, 1M workers, 1 thread (millions, median)", r1.wm_per_s / 1e6);
    std::printf("%-62s %14.3f\n", "  seconds per 1M-worker run, 2 threads (median)", r2.median_s);
    std::printf("%-62s %14.2f\n", "speed-up 1 -> 2 threads", r2.wm_per_s / r1.wm_per_s);
    std::printf("%-62s %14.1f\n", "peak resident bytes per worker, net of process baseline", per_worker_net);
    std::printf("%-62s %14.1f\n", "peak resident bytes per worker, whole process", per_worker_gross);
    std::printf("%-62s %14.1f\n", "  process RSS before the run (MB)", double(rss_before) / 1e6);
    if (!reset) std::printf("  (could not reset VmHWM: peak includes start-up)\n");
    std::printf("%-62s %14.2f\n", "memory bandwidth, triad, 2 threads (GB/s)", bw / 1e9);
    std::printf("%-62s %14.1f\n", "bytes moved per recorded worker-month (worker columns)", bytes_wm);
    std::printf("%-62s %14.2f\n", "  engine traffic at the 2-thread rate (GB/s)", bytes_rate / 1e9);
    std::printf("%-62s %14.3f\n", "  fraction of the bandwidth roofline", bytes_rate / bw);
    std::printf("%-62s %14.1f\n", "worker-months/s at 100k workers (millions)", g100k.wm_per_s / 1e6);
    std::printf("%-62s %14.1f\n", "worker-months/s at 1M workers (millions)", r2.wm_per_s / 1e6);
    if (g10m) std::printf("%-62s %14.1f\n", "worker-months/s at 10M workers (millions)", g10m->wm_per_s / 1e6);
    else std::printf("%-62s %14s\n", "worker-months/s at 10M workers (millions)", "skipped");
    std::printf("%-62s %14.3f\n", "sweep overhead: ms per run, 1,000-worker world, sim + write", sweep.with_write * 1e3);
    std::printf("%-62s %14.3f\n", "  the same with outputs.compression 0 (ms per run)", sweep.uncompressed * 1e3);
    std::printf("%-62s %14.3f\n", "  of which simulation only (ms per run)", sweep.simulation * 1e3);
    std::printf("  (%d runs in-process, written to one result file; the sweep command is not used yet)\n",
                args.sweep_runs);
    std::printf("\nload average at the end: ");
    std::fflush(stdout);
    if (std::ifstream la("/proc/loadavg"); la) {
        std::string l;
        std::getline(la, l);
        std::printf("%s\n", l.c_str());
    }
    return 0;
}
