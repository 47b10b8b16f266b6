// `supplysim calibrate <calibration.yaml> -o <out.h5>`: estimates scenario parameters from published
// moments (docs/calibration.md) and writes <out.h5> plus the calibrated scenario <out>.scenario.yaml.
#include <tbb/global_control.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>
#include <thread>

#include "commands.hpp"
#include "options.hpp"
#include "output_guard.hpp"
#include "preflight.hpp"
#include "supplysim/input/calibration_file.hpp"
#include "supplysim/model/groups.hpp"
#include "supplysim/output/calibration_output.hpp"
#include "supplysim/runs/calibration/calibrate.hpp"
#include "supplysim/runs/calibration/mpi_calibration.hpp"
#include "supplysim/runs/experiment.hpp"
#include "supplysim/runs/sweep/launcher.hpp"
#include "supplysim/runs/sweep/mpi_runner.hpp"

namespace supplysim::cli {

namespace {

// Candidates are simulated in parallel, one per thread, each holding its replicates' series; the
// calibration runs use the base scenario with the calibration's settings.
MemoryEstimate calibration_memory(const calibration::Evaluator& evaluator, const calibration::CalibrationSpec& spec, int threads) {
    const auto& plan = evaluator.plan();
    const GroupLayout layout(plan.base);
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const int at_once = std::max(1, std::min(std::max(spec.method.prior_draws, spec.method.particles), threads > 0 ? threads : cores));
    return estimate_memory(plan.base, plan.replicates * at_once, threads, layout.group_count(), layout.cell_count());
}

}  // namespace

int calibrate_command(const Args& args, const std::string& command_line) {
    po::options_description opts("options");
    opts.add_options()("help,h", "show this help")("calibration", po::value<std::string>()->required(), "calibration YAML file")(
        "output,o", po::value<std::string>()->required(), "HDF5 file to write (the calibrated scenario goes to <output>.scenario.yaml)")(
        "scenario-out", po::value<std::string>(), "write the calibrated scenario here instead of <output>.scenario.yaml")(
        "threads,t", po::value<int>()->default_value(0), "worker threads (0: all cores)")(
        "force", "replace the output files if they exist (only once the new ones are complete)")("quiet,q", "no progress on stderr");
    po::positional_options_description pos;
    pos.add("calibration", 1);
    po::variables_map vm;
    if (auto code = parse_options(args, opts, pos, vm, "usage: supplysim calibrate <calibration.yaml> -o <out.h5> [--threads N]"))
        return *code;
    int threads = vm["threads"].as<int>();
    const bool mpi = sweep::launched_by_mpi();
    const bool speaker = !mpi || sweep::launcher_rank() == 0;  // only one rank prints
    if (threads < 0 || threads > 4096) {
        if (speaker) std::cerr << "supplysim: --threads must be from 0 to 4096\n";
        return exit_bad_input;
    }
    if (threads == 0 && mpi) {
        // Ranks on one node share its cores; rank 0 only runs the method.
        const int hw = int(std::max(1u, std::thread::hardware_concurrency()));
        threads = std::max(1, hw / std::max(1, sweep::launcher_local_size() - 1));
    }
    std::optional<tbb::global_control> limit;
    if (threads > 0) limit.emplace(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
    const bool quiet = vm.count("quiet") > 0 || !speaker;
    const std::string output = vm["output"].as<std::string>();
    const std::string scenario_out = vm.count("scenario-out") ? vm["scenario-out"].as<std::string>() : output + ".scenario.yaml";

    calibration::CalibrationSpec spec;
    calibration::CalibrationResult result;
    std::optional<calibration::Evaluator> evaluator;
    try {
        spec = calibration::parse_calibration_file(vm["calibration"].as<std::string>());
        evaluator.emplace(spec);
    } catch (const InputError& e) {
        if (speaker) std::cerr << "supplysim: " << e.what() << "\n";
        return exit_bad_input;
    }
    const bool force = vm.count("force") > 0;
    OutputGuard guard;
    guard.inputs_read_so_far();
    guard.output(output, "-o");
    guard.output(scenario_out, "--scenario-out");
    guard.check_overlaps();
    OutputGuard::check_replaceable(output, "-o", force);
    OutputGuard::check_replaceable(scenario_out, "--scenario-out", force);
    check_memory(calibration_memory(*evaluator, spec, threads), spec.file, "calibration");
    // Both outputs are reserved before the work (rank 0 writes them) and renamed into place together
    // at the end, each only when whole.
    std::optional<AtomicFile> result_file, scenario_file;
    if (speaker) {
        result_file.emplace(AtomicFile::reserve(output, {.replace = force}));
        scenario_file.emplace(AtomicFile::reserve(scenario_out, {.replace = force}));
    }
    try {
        const calibration::Log log = [&](const std::string& line) {
            if (!quiet) std::fprintf(stderr, "calibrate: %s\n", line.c_str());
        };
        if (mpi) {
#ifdef SUPPLYSIM_HAVE_MPI
            auto mine = calibration::calibrate_mpi(spec, *evaluator, log);
            if (!mine) return exit_ok;  // a simulating rank: rank 0 writes the output
            result = std::move(*mine);
#else
            if (speaker)
                std::cerr << "supplysim: started by an MPI launcher, but this supplysim was built without MPI (configure with "
                             "-DSUPPLYSIM_WITH_MPI=ON and Open MPI installed); run it without mpirun\n";
            return exit_bad_input;
#endif
        } else {
            result = calibration::calibrate(spec, *evaluator, log);
        }
    } catch (const InputError& e) {
        if (speaker) std::cerr << "supplysim: " << e.what() << "\n";
        return exit_bad_input;
    } catch (const Cancelled&) {
        if (speaker) std::cerr << "supplysim: interrupted; nothing written\n";
        return exit_interrupted;
    }
    calibration::write_calibration(*result_file, spec, result, command_line);
    scenario_file->write(calibration::calibrated_scenario_yaml(spec, result, scenario_out, command_line));
    result_file->commit();
    scenario_file->commit();
    if (!quiet) {
        std::fprintf(stderr, "calibrate: %d simulations in %.1f s\n", result.total_simulations, result.seconds);
        for (std::size_t j = 0; j < spec.parameters.size(); ++j)
            std::fprintf(stderr, "  %-45s %.4g  (sd %.3g, 95%% %.4g..%.4g)\n", spec.parameters[j].path.c_str(), result.estimate[j],
                         result.posterior.sd[j], result.posterior.q025[j], result.posterior.q975[j]);
        std::fprintf(stderr, "  target moments at the estimate (distance %.3g):\n", result.distance_at_estimate);
        for (std::size_t i = 0; i < spec.targets.size(); ++i)
            std::fprintf(stderr, "  %-30s published %.4g (se %.3g)  model %.4g (replicate sd %.3g)\n", spec.targets[i].name.c_str(),
                         spec.targets[i].observed, spec.targets[i].se, result.moments_at_estimate[i], result.sd_at_estimate[i]);
        std::fprintf(stderr, "wrote %s and %s\n", output.c_str(), scenario_out.c_str());
    }
    return exit_ok;
}

}  // namespace supplysim::cli
