#include "sweep_preflight.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "interrupts.hpp"
#include "output_guard.hpp"
#include "preflight.hpp"
#include "supplysim/model/groups.hpp"
#include "supplysim/input/input_file.hpp"
#include "supplysim/runs/sweep/sweep_checkpoint.hpp"

namespace supplysim::cli {

namespace {

namespace fs = std::filesystem;

// Why an existing output is not this sweep's, for the refusal of --resume.
std::string what_it_holds(const std::string& output, const sweep::SweepPlan& plan) {
    try {
        const auto info = sweep::read_part_info(output);
        if (info.hash != plan.hash) return "it holds another sweep (sweep_hash " + info.hash + ", this sweep is " + plan.hash + ")";
        if (!info.complete) return "it holds this sweep, incomplete";
        return "it holds " + (info.part_label.empty() ? std::string("the whole sweep") : info.part_label) + " of this sweep, not the part asked for";
    } catch (const std::exception& e) {
        std::string why = e.what();
        if (why.rfind(output + ": ", 0) == 0) why.erase(0, output.size() + 2);
        return "it is not an output of this sweep (" + why + ")";
    }
}

// The sweep_hash a checkpoint folder was written for (empty when it cannot be read).
std::string stamp_of(const std::string& folder) {
    std::string hash;
    try {
        hash = read_input_file(folder + "/sweep_hash", 4096);
    } catch (const InputFileProblem&) {
    }
    while (!hash.empty() && (hash.back() == '\n' || hash.back() == ' ')) hash.pop_back();
    return hash;
}

// Only these keys change how many workers and firms a run simulates (MemoryEstimate); a sweep that
// varies one of them is sized by its largest run, any other by its base scenario.
bool varies_world_size(const sweep::SweepPlan& plan) {
    return std::any_of(plan.spec.parameters.begin(), plan.spec.parameters.end(), [](const sweep::ParameterSpec& p) {
        const std::string last = p.path.substr(p.path.rfind('.') + 1);
        return last == "workers" || last == "worker_share" || last == "mean_firm_size";
    });
}

MemoryEstimate sweep_memory(const sweep::SweepPlan& plan, const sweep::SweepOptions& options, int threads) {
    const GroupLayout layout(plan.base);
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const int runs = int(sweep::shard_runs(plan.runs(), options.shard, options.shards).size());
    // Runs in progress at once each hold their replicates' series until they are stored.
    const int at_once = std::max(1, std::min(runs, threads > 0 ? threads : cores));
    auto estimate = [&](const Scenario& s) {
        return estimate_memory(s, plan.replicates * at_once, threads, layout.group_count(), layout.cell_count());
    };
    if (!varies_world_size(plan)) return estimate(plan.base);
    return tbb::parallel_reduce(
        tbb::blocked_range<int>(0, plan.runs()), estimate(plan.base),
        [&](const tbb::blocked_range<int>& range, MemoryEstimate largest) {
            for (int r = range.begin(); r != range.end(); ++r) {
                const MemoryEstimate e = estimate(sweep::scenario_for_run(plan, r));
                if (e.total() > largest.total()) largest = e;
            }
            return largest;
        },
        [](const MemoryEstimate& a, const MemoryEstimate& b) { return a.total() >= b.total() ? a : b; });
}

}  // namespace

std::optional<int> prepare_sweep_output(const sweep::SweepPlan& plan, const sweep::SweepOptions& options, bool force,
                                        int threads, bool writer, std::optional<AtomicFile>& reserved) {
    const std::string& output = options.output;
    const std::string folder = output + ".partial.d";
    OutputGuard guard;
    guard.inputs_read_so_far();
    guard.output(output, "-o");
    guard.output_folder(folder, "-o", output);
    guard.output_folder(output + ".unreadable", "-o", output);
    guard.check_overlaps();

    if (options.resume && sweep::output_already_complete(plan, options)) {
        if (writer) {
            if (fs::exists(folder) && (stamp_of(folder) == plan.hash || fs::is_empty(folder))) {
                // Checkpoints of this sweep left by a process killed after its output was complete.
                AtomicFile lock = AtomicFile::reserve(output, {.adopt_leftover = true});
                // An empty OUT.partial left beside it (a killed cleanup's lock) holds nothing: it goes too.
                if (lock.adopted() && lock.size() == 0) lock.content_replaced();
                sweep::remove_checkpoint_folder(folder);
            }
            if (!options.quiet) std::fprintf(stderr, "sweep: %s is already complete; nothing to do\n", output.c_str());
        }
        return 0;
    }
    OutputGuard::check_replaceable(output, "-o", true);  // a folder, device or .partial name: never
    if (fs::exists(fs::symlink_status(output))) {
        if (options.resume && !force)
            throw Refusal(2, output + " already exists and --resume does not replace it: " + what_it_holds(output, plan) +
                                 "; add --force to replace it, or choose another -o");
        OutputGuard::check_replaceable(output, "-o", force);
    }
    if (!options.resume && fs::exists(fs::symlink_status(folder)))
        throw Refusal(2, folder + " holds an unfinished sweep into " + output +
                             ": add --resume to finish it, or delete the folder to start again");
    check_memory(sweep_memory(plan, options, threads), plan.spec.file, "sweep");
    if (!writer) return std::nullopt;

    reserved.emplace(AtomicFile::reserve(output, {.replace = force, .adopt_leftover = options.resume}));
    set_interrupt_message("interrupted; the finished runs are kept in " + folder +
                          ": run the same command with --resume to finish the sweep");
    const int runs = int(sweep::shard_runs(plan.runs(), options.shard, options.shards).size());
    const GroupLayout layout(plan.base);
    warn_if_disk_short(output, 2 * output_bytes(plan.base, layout.group_count(), runs, plan.replicates),
                       std::to_string(runs) + " runs x " + std::to_string(plan.replicates) +
                           " replicates, and as much again for the checkpoints until the end");
    return std::nullopt;
}

}  // namespace supplysim::cli
