#include "supplysim/runs/sweep/sweep_runner.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <sstream>
#include <mutex>
#include <stdexcept>

#include "supplysim/input/input_file.hpp"
#include "supplysim/model/groups.hpp"
#include "supplysim/runs/experiment.hpp"
#include "supplysim/runs/sweep/sweep_checkpoint.hpp"

namespace supplysim::sweep {

namespace fs = std::filesystem;

std::vector<int> shard_runs(int total, int shard, int shards) {
    std::vector<int> out;
    for (int r = shard; r < total; r += shards) out.push_back(r);
    return out;
}

// ---- work folder ---------------------------------------------------------------------------

WorkDir::WorkDir(const SweepPlan& plan, const SweepOptions& options)
    : plan_(plan), options_(options), path_(options.output + ".partial.d"), meta_(meta_of(plan)) {}

bool WorkDir::exists() const { return fs::is_directory(path_); }

std::string WorkDir::run_file(int run) const { return (fs::path(path_) / ("run-" + std::to_string(run) + ".h5")).string(); }

std::set<int> WorkDir::open() {
    const auto stamp = (fs::path(path_) / "sweep_hash").string();
    if (!exists()) {
        fs::create_directories(path_);
        write_stamp(stamp);
        return {};
    }
    // Half-written files of a killed process of this sweep (we hold the output's lock, so no other
    // supplysim is writing here): the stamp and checkpoints are written whole or not at all.
    for (const auto& entry : fs::directory_iterator(path_)) {
        const std::string name = entry.path().filename().string();
        const bool partial = name.size() > 8 && name.substr(name.size() - 8) == ".partial";
        if (!partial || (name.rfind("run-", 0) != 0 && name != "sweep_hash.partial")) continue;
        const std::string final_name = entry.path().string().substr(0, entry.path().string().size() - 8);
        if (const auto pid = writer_of(final_name)) throw OutputError(OutputError::Kind::busy, busy_message(*pid, final_name));
        fs::remove(entry.path());
    }
    std::string hash;
    if (fs::exists(stamp)) {
        try {
            std::istringstream(read_input_file(stamp, 4096)) >> hash;
        } catch (const InputFileProblem&) {
        }
        if (hash != plan_.hash)
            throw std::invalid_argument(path_ + " holds runs of a different sweep (sweep_hash " + (hash.empty() ? "unreadable" : hash) +
                                        ", this sweep is " + plan_.hash + "; the sweep file, its base scenario or the program "
                                        "version changed). Delete the folder to start again, or write to another -o file.");
    }
    std::set<int> done;
    for (const auto& entry : fs::directory_iterator(path_)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("run-", 0) != 0) continue;
        try {
            const auto info = read_part_info(entry.path().string());
            if (info.hash != plan_.hash) throw std::invalid_argument(entry.path().string() + " belongs to a different sweep");
            if (info.complete && info.runs.size() == 1 && info.runs[0] >= 0 && info.runs[0] < plan_.runs()) done.insert(info.runs[0]);
        } catch (const std::invalid_argument&) {
            throw;
        } catch (const std::exception& e) {
            set_aside(entry.path().string(), options_.output, e.what());
        }
    }
    // A folder whose stamp was never written (killed right after creating it) gets one now.
    if (hash.empty()) write_stamp(stamp);
    return done;
}

void WorkDir::write_stamp(const std::string& stamp) const {
    AtomicFile file = AtomicFile::reserve(stamp);
    file.write(plan_.hash + "\n");
    file.commit();
}

void WorkDir::store(int run, const std::vector<Series>& series) {
    WriteRequest req;
    req.output = run_file(run);
    req.runs = {run};
    req.part_label = "run " + std::to_string(run);
    req.command_line = options_.command_line;
    write_sweep_output(meta_, req, [&](int) { return std::optional<std::vector<Series>>(series); });
}

std::optional<std::vector<Series>> WorkDir::fetch(int run) const {
    const auto file = run_file(run);
    if (!fs::exists(file)) return std::nullopt;
    const auto info = read_part_info(file);
    if (info.runs.size() != 1 || info.runs[0] != run) throw std::runtime_error(file + ": does not hold run " + std::to_string(run));
    return read_run(info, info.local[0]);
}

void WorkDir::remove() { remove_checkpoint_folder(path_); }

// ---- progress ------------------------------------------------------------------------------

namespace {
std::string clock_text(double seconds) {
    const long s = long(seconds + 0.5);
    char buf[32];
    if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}
}  // namespace

Progress::Progress(int total, int already_done, bool quiet)
    : total_(total), done_(already_done), start_done_(already_done), quiet_(quiet), tty_(isatty(STDERR_FILENO)),
      t0_(std::chrono::steady_clock::now()), last_(t0_) {
    if (!quiet_ && already_done > 0) std::fprintf(stderr, "sweep: %d of %d runs already done\n", already_done, total);
}

void Progress::tick() {
    ++done_;
    const auto now = std::chrono::steady_clock::now();
    const double since = std::chrono::duration<double>(now - last_).count();
    if (tty_ ? since >= 0.2 : since >= 2.0 || done_ == total_) {
        last_ = now;
        print(false);
    }
}

void Progress::done() {
    if (!quiet_ && tty_) {
        print(true);
        std::fprintf(stderr, "\n");
    }
}

void Progress::print(bool) {
    if (quiet_) return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
    const int fresh = done_ - start_done_;
    const std::string left = fresh > 0 ? clock_text(elapsed / fresh * (total_ - done_)) : "?";
    if (tty_) {
        constexpr int width = 30;
        const int fill = total_ > 0 ? int(double(done_) / total_ * width) : width;
        std::string bar(std::size_t(fill), '#');
        bar.resize(width, '.');
        std::fprintf(stderr, "\r  [%s] %d/%d runs  %s elapsed  ~%s left   ", bar.c_str(), done_, total_,
                     clock_text(elapsed).c_str(), left.c_str());
    } else {
        std::fprintf(stderr, "sweep: %d/%d runs done (%.0f%%), %s elapsed, about %s left\n", done_, total_,
                     total_ > 0 ? 100.0 * done_ / total_ : 100.0, clock_text(elapsed).c_str(), left.c_str());
    }
    std::fflush(stderr);
}

// ---- preparing and assembling ----------------------------------------------------------------

namespace {
std::string part_label(const SweepOptions& o) {
    return o.shards > 1 ? "shard " + std::to_string(o.shard) + "/" + std::to_string(o.shards) : std::string();
}
}  // namespace

Prepared prepare(const SweepPlan& plan, const SweepOptions& options, WorkDir& work) {
    Prepared p;
    p.mine = shard_runs(plan.runs(), options.shard, options.shards);
    if (!options.resume && work.exists())
        throw std::invalid_argument(work.path() + " holds an unfinished sweep into " + options.output +
                                    ": add --resume to finish it, or delete the folder to start again");
    // A left-over OUT.partial taken over by --resume: its runs are used below.
    const bool kept_output = options.resume && options.output_file && options.output_file->adopted() && options.output_file->size() > 0;
    if (options.resume && !work.exists()) {
        if (fs::exists(options.output)) {
            try {
                const auto info = read_part_info(options.output);
                if (info.complete && info.hash == plan.hash && info.part_label == part_label(options) &&
                    info.runs == p.mine) {
                    p.nothing_to_do = true;
                    return p;
                }
            } catch (const std::exception&) {
            }
        }
        if (!options.quiet && !kept_output)
            std::fprintf(stderr, "sweep: nothing to resume (no %s); starting from the first run\n", work.path().c_str());
    }
    // OUT.partial is assembled from the folder's checkpoints, so beside the folder it holds nothing
    // more (or is half-written): only without the folder are its runs taken.
    const bool folder_existed = work.exists();
    auto done = work.open();
    if (kept_output && !folder_existed) take_over_kept_output(plan, options, *options.output_file, work, done);
    for (int r : p.mine)
        if (!done.count(r)) p.pending.push_back(r);
    return p;
}

int assemble(const SweepPlan& plan, const SweepOptions& options, WorkDir& work, const Prepared& prepared, bool complete) {
    WriteRequest req;
    req.output = options.output;
    req.runs = prepared.mine;
    req.part_label = part_label(options);
    req.command_line = options.command_line;
    req.finish = complete;
    req.reserved = options.output_file;
    const int n = write_sweep_output(meta_of(plan), req, [&](int run) { return work.fetch(run); });
    if (complete) work.remove();
    return n;
}

std::vector<Series> simulate_run(const SweepPlan& plan, int run) {
    const Scenario s = scenario_for_run(plan, run);
    const GroupLayout layout(s);
    return run_replicates(s, layout, plan.replicates);
}

int run_sweep_local(const SweepPlan& plan, const SweepOptions& options) {
    WorkDir work(plan, options);
    const Prepared prep = prepare(plan, options, work);
    if (prep.nothing_to_do) {
        if (!options.quiet) std::fprintf(stderr, "sweep: %s is already complete; nothing to do\n", options.output.c_str());
        return 0;
    }
    Progress progress(int(prep.mine.size()), int(prep.mine.size() - prep.pending.size()), options.quiet);
    std::mutex m;
    int finished = 0;
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, prep.pending.size(), 1),
        [&](const tbb::blocked_range<std::size_t>& range) {
            for (std::size_t i = range.begin(); i != range.end(); ++i) {
                if (cancellation_flag().load()) return;
                const int run = prep.pending[i];
                std::vector<Series> series;
                try {
                    series = simulate_run(plan, run);
                } catch (const Cancelled&) {
                    return;
                }
                work.store(run, series);
                std::lock_guard lock(m);
                ++finished;
                progress.tick();
            }
        },
        tbb::simple_partitioner());
    progress.done();
    if (finished < int(prep.pending.size())) {
        const int kept = assemble(plan, options, work, prep, false);
        std::fprintf(stderr,
                     "supplysim: interrupted; %d of %zu runs finished and kept (%s, marked incomplete; runs in %s).\n"
                     "Run the same command with --resume to finish the sweep.\n",
                     kept, prep.mine.size(), (options.output + ".partial").c_str(), work.path().c_str());
        return 130;
    }
    assemble(plan, options, work, prep, true);
    return 0;
}

}  // namespace supplysim::sweep
