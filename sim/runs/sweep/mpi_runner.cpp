#include "supplysim/runs/sweep/mpi_runner.hpp"

#include <mpi.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <thread>

#include "supplysim/model/indicators.hpp"
#include "supplysim/runs/experiment.hpp"

namespace supplysim::sweep {

namespace {

enum Tag : int { tag_request = 1, tag_data = 2, tag_work = 3 };
enum Status : int { status_ready = 0, status_result = 1, status_cancelled = 2 };
constexpr int stop_work = -1;

std::size_t series_size(const SweepPlan& plan) {
    const GroupLayout layout(plan.base);
    return indicator_catalogue().size() * std::size_t(plan.base.months()) * std::size_t(layout.group_count());
}

void worker(const SweepPlan& plan) {
    const std::size_t per = series_size(plan);
    std::vector<double> buf;
    int message[2] = {stop_work, status_ready};
    for (;;) {
        MPI_Send(message, 2, MPI_INT, 0, tag_request, MPI_COMM_WORLD);
        if (message[1] == status_result) MPI_Send(buf.data(), int(buf.size()), MPI_DOUBLE, 0, tag_data, MPI_COMM_WORLD);
        int run = stop_work;
        MPI_Recv(&run, 1, MPI_INT, 0, tag_work, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (run == stop_work) return;
        try {
            const auto series = simulate_run(plan, run);
            buf.resize(per * series.size());
            for (std::size_t k = 0; k < series.size(); ++k) {
                if (series[k].values.size() != per) throw std::runtime_error("series of unexpected size");
                std::memcpy(&buf[k * per], series[k].values.data(), per * sizeof(double));
            }
            message[0] = run;
            message[1] = status_result;
        } catch (const Cancelled&) {
            message[0] = run;
            message[1] = status_cancelled;
        }
    }
}

int coordinator(const SweepPlan& plan, const SweepOptions& options, int size) {
    const std::size_t per = series_size(plan);
    const GroupLayout layout(plan.base);
    int code = 0;
    bool stop = false;
    std::optional<Prepared> prep;
    WorkDir work(plan, options);
    try {
        prep = prepare(plan, options, work);
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "supplysim: %s\n", e.what());
        code = 2;
        stop = true;
    }
    if (prep && prep->nothing_to_do) {
        if (!options.quiet) std::fprintf(stderr, "sweep: %s is already complete; nothing to do\n", options.output.c_str());
        stop = true;
    }
    std::vector<int> pending = prep ? prep->pending : std::vector<int>{};
    std::optional<Progress> progress;
    if (prep && !stop) progress.emplace(int(prep->mine.size()), int(prep->mine.size() - pending.size()), options.quiet);
    if (!stop && !options.quiet)
        std::fprintf(stderr, "sweep: %zu runs to do on %d MPI ranks (rank 0 writes, %d simulate)\n", pending.size(), size, size - 1);
    std::size_t next = 0, finished = 0;
    int active = size - 1;
    std::vector<double> buf;
    while (active > 0) {
        int flag = 0;
        MPI_Status st;
        MPI_Iprobe(MPI_ANY_SOURCE, tag_request, MPI_COMM_WORLD, &flag, &st);
        if (!flag) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            continue;
        }
        int message[2];
        MPI_Recv(message, 2, MPI_INT, st.MPI_SOURCE, tag_request, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (message[1] == status_result) {
            buf.resize(per * std::size_t(plan.replicates));
            MPI_Recv(buf.data(), int(buf.size()), MPI_DOUBLE, st.MPI_SOURCE, tag_data, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            std::vector<Series> series(static_cast<std::size_t>(plan.replicates));
            for (int k = 0; k < plan.replicates; ++k) {
                auto& s = series[std::size_t(k)];
                s.indicators = int(indicator_catalogue().size());
                s.months = plan.base.months();
                s.groups = layout.group_count();
                s.values.assign(buf.begin() + std::ptrdiff_t(std::size_t(k) * per), buf.begin() + std::ptrdiff_t(std::size_t(k + 1) * per));
            }
            work.store(message[0], series);
            ++finished;
            if (progress) progress->tick();
        } else if (message[1] == status_cancelled) {
            cancellation_flag().store(true);
        }
        int run = stop_work;
        if (!stop && !cancellation_flag().load() && next < pending.size()) run = pending[next++];
        if (run == stop_work) --active;
        MPI_Send(&run, 1, MPI_INT, st.MPI_SOURCE, tag_work, MPI_COMM_WORLD);
    }
    if (progress) progress->done();
    if (stop) return code;
    if (finished < pending.size()) {
        const int kept = assemble(plan, options, work, *prep, false);
        std::fprintf(stderr,
                     "supplysim: interrupted; %d of %zu runs finished and kept (%s, marked incomplete; runs in %s).\n"
                     "Run the same command with --resume to finish the sweep.\n",
                     kept, prep->mine.size(), (options.output + ".partial").c_str(), work.path().c_str());
        return 130;
    }
    assemble(plan, options, work, *prep, true);
    return 0;
}

}  // namespace

int run_sweep_mpi(const SweepPlan& plan, const SweepOptions& options) {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int code = 0;
    if (size == 1) {
        code = run_sweep_local(plan, options);
    } else if (rank == 0) {
        try {
            code = coordinator(plan, options, size);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "supplysim: %s\n", e.what());
            MPI_Abort(MPI_COMM_WORLD, 1);
        }
    } else {
        try {
            worker(plan);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "supplysim: rank %d: %s\n", rank, e.what());
            MPI_Abort(MPI_COMM_WORLD, 1);
        }
    }
    MPI_Finalize();
    return code;
}

}  // namespace supplysim::sweep
