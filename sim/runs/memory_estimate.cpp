#include "supplysim/runs/memory_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "supplysim/model/indicators.hpp"

namespace supplysim {

namespace {

// Bytes per worker: demography, status, debt (1 each) and wage premium (4), plus room for the
// vectors' growth while the population is built (calibrated against peak RSS, see docs/reliability.md).
constexpr double bytes_per_worker = 10;
// Bytes per firm: about 50 in the firm columns, 12 in per-phase scratch, 8 in population building.
constexpr double bytes_per_firm = 96;
constexpr std::uint64_t fixed_bytes = 24ull << 20;  // program, TBB, HDF5, yaml-cpp

std::optional<std::uint64_t> read_number_file(const char* path) {
    std::ifstream in(path);
    std::string s;
    if (!(in >> s) || s == "max") return std::nullopt;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(s.c_str(), &end, 10);
    if (end == s.c_str() || *end) return std::nullopt;
    return v;
}

}  // namespace

std::string format_bytes(std::uint64_t bytes) {
    const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = double(bytes);
    int u = 0;
    while (v >= 1024 && u < 5) v /= 1024, ++u;
    char buf[32];
    std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
    return buf;
}

std::string MemoryEstimate::describe() const {
    std::ostringstream s;
    s << "about " << format_bytes(total()) << " (" << concurrent_replicates << " replicate"
      << (concurrent_replicates == 1 ? "" : "s") << " at a time x " << format_bytes(per_replicate) << " for "
      << workers << " workers in " << firms << " firms, " << threads << " thread" << (threads == 1 ? "" : "s")
      << " x " << format_bytes(per_thread) << " of counters, " << format_bytes(results)
      << " of results held until written, " << format_bytes(fixed) << " for the program)";
    return s.str();
}

MemoryEstimate estimate_memory(const Scenario& s, int replicates, int threads, int groups, int cells) {
    MemoryEstimate e;
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    e.threads = threads > 0 ? threads : cores;
    e.concurrent_replicates = std::max(1, std::min(replicates, e.threads));
    e.workers = s.total_workers();
    double firms = 0;
    for (const auto& c : s.countries)
        for (const auto& t : s.tiers) firms += std::ceil(double(c.workers) * t.worker_share / std::max(1.0, t.mean_firm_size));
    e.firms = std::int64_t(firms);
    const double counters = double(cells) * double(counter_count) * 8.0;
    const double series = double(indicator_catalogue().size()) * double(s.months()) * double(std::max(groups, 1)) * 8.0;
    e.per_replicate = std::uint64_t(double(e.workers) * bytes_per_worker + firms * bytes_per_firm + counters + series);
    e.per_thread = std::uint64_t(counters);
    e.results = std::uint64_t(series * double(replicates));
    e.fixed = fixed_bytes + std::uint64_t(double(cells) * 64.0);
    return e;
}

std::optional<AvailableMemory> available_memory() {
    if (const char* env = std::getenv("SUPPLYSIM_MEMORY_AVAILABLE")) {
        char* end = nullptr;
        const unsigned long long v = std::strtoull(env, &end, 10);
        if (end != env && !*end) return AvailableMemory{v, "SUPPLYSIM_MEMORY_AVAILABLE"};
    }
    std::optional<AvailableMemory> out;
    std::ifstream meminfo("/proc/meminfo");
    std::string key, unit;
    unsigned long long kib = 0;
    while (meminfo >> key >> kib) {
        std::getline(meminfo, unit);
        if (key == "MemAvailable:") {
            out = AvailableMemory{kib * 1024ull, "MemAvailable in /proc/meminfo"};
            break;
        }
    }
    // A batch job's limit is its cgroup's, usually far below the machine's memory.
    std::optional<std::uint64_t> limit = read_number_file("/sys/fs/cgroup/memory.max");
    std::optional<std::uint64_t> used = read_number_file("/sys/fs/cgroup/memory.current");
    if (!limit) {
        limit = read_number_file("/sys/fs/cgroup/memory/memory.limit_in_bytes");
        used = read_number_file("/sys/fs/cgroup/memory/memory.usage_in_bytes");
        if (limit && *limit >= (1ull << 60)) limit.reset();  // v1 reports "no limit" as a huge number
    }
    if (limit) {
        const std::uint64_t free = *limit > used.value_or(0) ? *limit - used.value_or(0) : 0;
        if (!out || free < out->bytes) out = AvailableMemory{free, "the memory limit of this job's cgroup"};
    }
    return out;
}

}  // namespace supplysim
