#pragma once
// Estimates the memory a `run` needs before it starts, and what the machine (or the job's cgroup)
// has available, so a scenario that cannot fit is refused at once with the estimate shown instead of
// being killed hours later.
#include <cstdint>
#include <optional>
#include <string>

#include "supplysim/model/scenario.hpp"

namespace supplysim {

struct MemoryEstimate {
    std::int64_t workers = 0;           // per replicate
    std::int64_t firms = 0;             // per replicate
    int concurrent_replicates = 1;      // replicates simulated at the same time
    int threads = 1;
    std::uint64_t per_replicate = 0;    // world, scratch and counters of one running replicate
    std::uint64_t per_thread = 0;       // per-thread partial counters
    std::uint64_t results = 0;          // indicator series of all replicates, held until written
    std::uint64_t fixed = 0;            // program, libraries, group layout
    std::uint64_t total() const {
        return fixed + per_replicate * std::uint64_t(concurrent_replicates) + per_thread * std::uint64_t(threads) + results;
    }
    // One line: total and its parts.
    std::string describe() const;
};

// `threads` is the number of worker threads (0: all cores); `groups` and `cells` come from the
// scenario's GroupLayout.
MemoryEstimate estimate_memory(const Scenario& scenario, int replicates, int threads, int groups, int cells);

struct AvailableMemory {
    std::uint64_t bytes = 0;
    std::string source;  // e.g. "MemAvailable in /proc/meminfo"
};
// The smaller of MemAvailable and the cgroup (v2 or v1) memory limit; SUPPLYSIM_MEMORY_AVAILABLE
// (bytes) overrides both (for tests). Empty when nothing can be read.
std::optional<AvailableMemory> available_memory();

// "1.5 GiB", "300 MiB", ...
std::string format_bytes(std::uint64_t bytes);

}  // namespace supplysim
