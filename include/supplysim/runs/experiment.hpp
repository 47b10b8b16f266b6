#pragma once
// Running a scenario's replicates in parallel (the result file is written by output/result_file.hpp),
// and the flag that stops long runs early.
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "supplysim/model/groups.hpp"
#include "supplysim/model/indicators.hpp"
#include "supplysim/model/scenario.hpp"

namespace supplysim {

// Set by signal handlers; long loops check it and stop early.
std::atomic<bool>& cancellation_flag();

class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("interrupted") {}
};

// Runs replicates [0, replicates) of one scenario; replicates run in parallel (TBB) and each
// replicate's phases are parallel too. Results are in replicate order. Throws Cancelled.
std::vector<Series> run_replicates(const Scenario& scenario, const GroupLayout& layout, int replicates,
                                   const std::function<void(int done)>& progress = {});
// The same with a scenario per replicate (parameter ensembles: runs/parameter_ensemble.hpp); replicate r
// still uses the random streams keyed by (seed, r) of its scenario's seed.
std::vector<Series> run_replicates(const std::function<const Scenario&(int replicate)>& scenario_of, const GroupLayout& layout,
                                   int replicates, const std::function<void(int done)>& progress = {});

}  // namespace supplysim
