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
    return run_replicates([&](int) -> const Scenario& { return s; }, layout, replicates, progress);
}

std::vector<Series> run_replicates(const std::function<const Scenario&(int replicate)>& scenario_of, const GroupLayout& layout,
                                   int replicates, const std::function<void(int)>& progress) {
    std::vector<Series> out(static_cast<std::size_t>(replicates));
    std::mutex progress_mutex;
    int done = 0;
    tbb::parallel_for(0, replicates, [&](int r) {
        if (cancellation_flag().load()) return;
        out[std::size_t(r)] = simulate_replicate(scenario_of(r), layout, r, [](int, const World&) {
            if (cancellation_flag().load()) throw Cancelled();
        });
        std::lock_guard lock(progress_mutex);
        ++done;
        if (progress) progress(done);
    });
    if (cancellation_flag().load()) throw Cancelled();
    return out;
}

}  // namespace supplysim
