#include "supplysim/runs/calibration/mpi_calibration.hpp"

#include <mpi.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "supplysim/runs/experiment.hpp"

namespace supplysim::calibration {

namespace {

enum Tag : int { tag_job = 11, tag_theta = 12, tag_result = 13 };
enum Command : int { command_simulate = 0, command_stop = 1 };

// Waits for a message without spinning: Open MPI's blocking receive polls a core at 100%, which
// would take it from the ranks simulating on the same node.
MPI_Status wait_for(int source, int tag) {
    for (;;) {
        int flag = 0;
        MPI_Status st;
        MPI_Iprobe(source, tag, MPI_COMM_WORLD, &flag, &st);
        if (flag) return st;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

// A result message: [candidate index (-1: the rank was interrupted), moments..., replicate sds...].
std::size_t result_size(const Evaluator& ev) { return 1 + 2 * ev.moments().size(); }

void serve(Evaluator& ev, std::size_t parameters) {
    const std::size_t targets = ev.moments().size();
    std::vector<double> theta(parameters), result(result_size(ev));
    for (;;) {
        wait_for(0, tag_job);
        int job[2] = {command_stop, 0};
        MPI_Recv(job, 2, MPI_INT, 0, tag_job, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (job[0] == command_stop) return;
        MPI_Recv(theta.data(), int(parameters), MPI_DOUBLE, 0, tag_theta, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        result.assign(result.size(), 0.0);
        result[0] = double(job[1]);
        try {
            std::vector<std::vector<double>> sd;
            const auto moments = ev.evaluate({theta}, &sd);
            for (std::size_t t = 0; t < targets; ++t) result[1 + t] = moments[0][t], result[1 + targets + t] = sd[0][t];
        } catch (const Cancelled&) {
            result[0] = -1;
        }
        MPI_Send(result.data(), int(result.size()), MPI_DOUBLE, 0, tag_result, MPI_COMM_WORLD);
    }
}

// Rank 0's Evaluator::Remote: candidates go out one at a time to whichever rank reports back first.
void distribute(const Evaluator& ev, int ranks, const std::vector<std::vector<double>>& thetas,
                std::vector<std::vector<double>>& moments, std::vector<std::vector<double>>& sd) {
    const std::size_t targets = ev.moments().size();
    moments.assign(thetas.size(), {});
    sd.assign(thetas.size(), {});
    std::size_t next = 0, received = 0;
    int busy = 0;
    bool interrupted = false;
    auto send_next = [&](int rank) {
        int job[2] = {command_simulate, int(next)};
        MPI_Send(job, 2, MPI_INT, rank, tag_job, MPI_COMM_WORLD);
        MPI_Send(thetas[next].data(), int(thetas[next].size()), MPI_DOUBLE, rank, tag_theta, MPI_COMM_WORLD);
        ++next;
        ++busy;
    };
    for (int rank = 1; rank < ranks && next < thetas.size(); ++rank) send_next(rank);
    std::vector<double> result(result_size(ev));
    while (busy > 0) {
        const MPI_Status st = wait_for(MPI_ANY_SOURCE, tag_result);
        MPI_Recv(result.data(), int(result.size()), MPI_DOUBLE, st.MPI_SOURCE, tag_result, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        --busy;
        if (result[0] < 0) {
            interrupted = true;
        } else {
            const auto i = std::size_t(result[0]);
            moments[i].assign(result.begin() + 1, result.begin() + 1 + std::ptrdiff_t(targets));
            sd[i].assign(result.begin() + 1 + std::ptrdiff_t(targets), result.end());
            ++received;
        }
        if (cancellation_flag().load()) interrupted = true;
        if (!interrupted && next < thetas.size()) send_next(st.MPI_SOURCE);
    }
    if (interrupted || received < thetas.size()) {
        cancellation_flag().store(true);
        throw Cancelled();
    }
}

void stop_all(int ranks) {
    for (int rank = 1; rank < ranks; ++rank) {
        int job[2] = {command_stop, 0};
        MPI_Send(job, 2, MPI_INT, rank, tag_job, MPI_COMM_WORLD);
    }
}

}  // namespace

std::optional<CalibrationResult> calibrate_mpi(const CalibrationSpec& spec, Evaluator& evaluator, const Log& log) {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    int rank = 0, ranks = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    std::optional<CalibrationResult> result;
    bool cancelled = false;
    try {
        if (ranks == 1) {
            result = calibrate(spec, evaluator, log);
        } else if (rank == 0) {
            log("on " + std::to_string(ranks) + " MPI ranks (rank 0 runs the method, " + std::to_string(ranks - 1) + " simulate)");
            evaluator.set_remote([&](const auto& thetas, auto& moments, auto& sd) { distribute(evaluator, ranks, thetas, moments, sd); });
            try {
                result = calibrate(spec, evaluator, log);
            } catch (const Cancelled&) {
                cancelled = true;
            }
            stop_all(ranks);
        } else {
            serve(evaluator, spec.parameters.size());
        }
    } catch (const Cancelled&) {
        cancelled = true;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "supplysim: rank %d: %s\n", rank, e.what());
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    MPI_Finalize();
    if (cancelled) throw Cancelled();
    return result;
}

}  // namespace supplysim::calibration
