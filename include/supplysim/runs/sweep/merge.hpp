#pragma once
// `supplysim merge`: assembles shard files (`sweep --shard K/N`) into the whole sweep file. Refuses,
// naming the files and runs, unless every input is a complete sweep file or part of the same sweep
// (same sweep_hash) and every run of the sweep is present exactly once.
#include <string>
#include <vector>

#include "supplysim/output/atomic_file.hpp"

namespace supplysim::sweep {

// Throws std::invalid_argument (bad inputs: exit 2) or std::runtime_error. Returns the run count.
// `reserved`: the output's .partial, reserved by the caller (otherwise reserved here).
int merge_files(const std::vector<std::string>& inputs, const std::string& output, const std::string& command_line,
                AtomicFile* reserved = nullptr);

}  // namespace supplysim::sweep
