#include "preflight.hpp"

#include <sys/statvfs.h>

#include <cstdio>
#include <filesystem>

#include "output_guard.hpp"
#include "supplysim/model/indicators.hpp"

namespace supplysim::cli {

void check_memory(const MemoryEstimate& need, const std::string& file, const std::string& work) {
    const auto have = available_memory();
    if (!have || need.total() <= have->bytes) return;
    throw Refusal(2, file + ": the " + work + " needs " + need.describe() + ", but only " + format_bytes(have->bytes) +
                         " is available (" + have->source + "); use fewer workers or replicates, or fewer --threads");
}

std::uint64_t output_bytes(const Scenario& s, int groups, int runs, int replicates) {
    const double per_series = double(indicator_catalogue().size()) * double(s.months() + int(s.assessments.size())) * double(groups) * 8.0;
    return std::uint64_t(per_series * double(runs) * double(replicates));
}

void warn_if_disk_short(const std::string& output, std::uint64_t bytes, const std::string& what) {
    std::filesystem::path folder = std::filesystem::path(output).parent_path();
    if (folder.empty()) folder = ".";
    struct statvfs fs {};
    if (::statvfs(folder.c_str(), &fs) != 0) return;
    const std::uint64_t free = std::uint64_t(fs.f_bavail) * std::uint64_t(fs.f_frsize);
    if (free >= bytes) return;
    std::fprintf(stderr,
                 "supplysim: warning: %s may need up to %s (%s, before compression), but only %s is free there; it may "
                 "fail when the disk is full\n",
                 output.c_str(), format_bytes(bytes).c_str(), what.c_str(), format_bytes(free).c_str());
}

}  // namespace supplysim::cli
