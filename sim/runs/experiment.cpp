#include "supplysim/runs/experiment.hpp"

#include <tbb/parallel_for.h>

#include <mutex>

#include "supplysim/model/simulation.hpp"

namespace supplysim {

std::atomic<bool>& cancellation_flag() {
    static std::atomic<bool> flag{false};
    return flag;
}

std::vector<Series> run_replicates(const Scenario& s, const GroupLayout& layout, int replicates,
                                   const std::function<void(int)>& progress) {
    std::vector<Series> out(static_cast<std::size_t>(replicates));
    std::mutex progress_mutex;
    int done = 0;
    tbb::parallel_for(0, replicates, [&](int r) {
        if (cancellation_flag().load()) return;
        out[std::size_t(r)] = simulate_replicate(s, layout, r, [](int, const World&) {
            if (cancellation_flag().load()) throw Cancelled();
        });
        std::lock_guard lock(progress_mutex);
        ++done;
        if (progress) progress(done);
    });
    if (cancellation_flag().load()) throw Cancelled();
    return out;
}

OutputHeader make_header(const Scenario& s, const GroupLayout& layout, int replicates, int runs,
                         const std::string& command_line) {
    OutputHeader h;
    h.scenario_name = s.name;
    h.scenario_file = s.source_file;
    h.scenario_yaml = s.resolved_yaml;
    h.seed = s.seed;
    h.replicates = replicates;
    h.runs = runs;
    h.start = s.start;
    h.months = s.months();
    h.command_line = command_line;
    h.groups = layout.groups();
    h.assessments = s.assessments;
    h.compression = s.outputs.compression;
    return h;
}

}  // namespace supplysim
