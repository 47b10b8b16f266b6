#pragma once
// Checks before a command starts its work, so that it fails in seconds rather than after hours:
// the memory it will need against what the machine (or the job) has, and the free disk space for
// its output.
#include <cstdint>
#include <string>

#include "supplysim/runs/memory_estimate.hpp"
#include "supplysim/model/scenario.hpp"

namespace supplysim::cli {

// Throws Refusal(2) when `need` exceeds the available memory: "<file>: the <work> needs about ...".
void check_memory(const MemoryEstimate& need, const std::string& file, const std::string& work);

// The bytes an output of `runs` x `replicates` series of `scenario` takes before compression.
std::uint64_t output_bytes(const Scenario& scenario, int groups, int runs, int replicates);

// One warning line on stderr when the file system of `output` has less free space than `bytes`.
void warn_if_disk_short(const std::string& output, std::uint64_t bytes, const std::string& what);

}  // namespace supplysim::cli
