#include "supplysim/runs/sweep/sweep_checkpoint.hpp"

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "supplysim/runs/sweep/sweep_runner.hpp"

namespace supplysim::sweep {

namespace fs = std::filesystem;

namespace {

std::string part_label(const SweepOptions& o) {
    return o.shards > 1 ? "shard " + std::to_string(o.shard) + "/" + std::to_string(o.shards) : std::string();
}

// `name` in `folder`, or name.1, name.2, ... when taken.
std::string free_name(const fs::path& folder, const std::string& name) {
    fs::path candidate = folder / name;
    for (int k = 1; fs::exists(fs::symlink_status(candidate)); ++k) candidate = folder / (name + "." + std::to_string(k));
    return candidate.string();
}

// Where `file` goes when it is set aside: a free name in "<output>.unreadable/" (created here).
std::string aside_destination(const std::string& file, const std::string& output) {
    const fs::path folder = output + ".unreadable";
    fs::create_directories(folder);
    return free_name(folder, fs::path(file).filename().string());
}

void say_set_aside(const std::string& file, std::string why, const std::string& destination) {
    if (why.rfind(file + ": ", 0) == 0) why.erase(0, file.size() + 2);  // the readers' messages start with the file
    std::fprintf(stderr, "sweep: set aside %s, which cannot be read (%s), as %s; its runs are done again\n", file.c_str(),
                 why.c_str(), destination.c_str());
}

// Moves the reserved output's left-over content aside; the reservation stays, empty.
void set_aside_reserved(AtomicFile& reserved, const std::string& output, const std::string& why) {
    const std::string partial = reserved.partial_path();
    const std::string destination = aside_destination(partial, output);
    reserved.move_content_to(destination);
    say_set_aside(partial, why, destination);
}

}  // namespace

std::string set_aside(const std::string& file, const std::string& output, const std::string& why) {
    const std::string destination = aside_destination(file, output);
    fs::rename(file, destination);
    say_set_aside(file, why, destination);
    return destination;
}

bool output_already_complete(const SweepPlan& plan, const SweepOptions& options) {
    if (!fs::exists(options.output)) return false;
    try {
        const auto info = read_part_info(options.output);
        return info.complete && info.hash == plan.hash && info.part_label == part_label(options) &&
               info.runs == shard_runs(plan.runs(), options.shard, options.shards);
    } catch (const std::exception&) {
        return false;
    }
}

void take_over_kept_output(const SweepPlan& plan, const SweepOptions& options, AtomicFile& reserved, WorkDir& work,
                           std::set<int>& done) {
    const std::string partial = reserved.partial_path();
    PartInfo info;
    try {
        info = read_part_info(partial);
    } catch (const std::exception& e) {
        set_aside_reserved(reserved, options.output, e.what());
        return;
    }
    if (info.hash != plan.hash)
        throw std::invalid_argument(partial + " holds runs of a different sweep (sweep_hash " +
                                    (info.hash.empty() ? std::string("missing") : info.hash) + ", this sweep is " + plan.hash +
                                    "); --resume does not mix sweeps: move it away, or write to another -o file");
    const auto mine = shard_runs(plan.runs(), options.shard, options.shards);
    const std::set<int> wanted(mine.begin(), mine.end());
    int taken = 0;
    for (std::size_t i = 0; i < info.runs.size(); ++i) {
        const int run = info.runs[i];
        if (done.count(run) || !wanted.count(run)) continue;
        std::vector<Series> series;
        try {
            series = read_run(info, info.local[i]);
        } catch (const std::exception& e) {
            set_aside_reserved(reserved, options.output, e.what());
            break;
        }
        work.store(run, series);
        done.insert(run);
        ++taken;
    }
    if (taken > 0 && !options.quiet)
        std::fprintf(stderr, "sweep: took %d finished runs from %s\n", taken, partial.c_str());
}

void remove_checkpoint_folder(const std::string& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return;
    std::vector<std::string> others;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("run-", 0) == 0 && entry.path().extension() == ".h5") fs::remove(entry.path(), ec);
        else if (name != "sweep_hash") others.push_back(name);
    }
    // The stamp goes last: a process killed before it leaves a folder that is still recognised as
    // this sweep's (and removed by the next --resume), after it an empty folder.
    if (others.empty()) {
        fs::remove(fs::path(folder) / "sweep_hash", ec);
        fs::remove(folder, ec);
        return;
    }
    std::string list;
    for (const auto& o : others) list += (list.empty() ? "" : ", ") + o;
    std::fprintf(stderr, "sweep: left %s in place: it holds files supplysim did not write (%s)\n", folder.c_str(), list.c_str());
}

}  // namespace supplysim::sweep
