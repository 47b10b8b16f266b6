#include <tbb/global_control.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <thread>

#include "commands.hpp"
#include "options.hpp"
#include "sweep_preflight.hpp"
#include "supplysim/input/key_path.hpp"
#include "supplysim/input/sweep_file.hpp"
#include "supplysim/runs/experiment.hpp"
#include "supplysim/runs/sweep/launcher.hpp"
#include "supplysim/runs/sweep/mpi_runner.hpp"
#include "supplysim/runs/sweep/sweep_plan.hpp"
#include "supplysim/runs/sweep/sweep_runner.hpp"

namespace supplysim::cli {

namespace {

// "K/N" with 0 <= K < N.
bool parse_shard(const std::string& text, int& shard, int& shards) {
    const auto slash = text.find('/');
    if (slash == std::string::npos) return false;
    try {
        std::size_t a = 0, b = 0;
        shard = std::stoi(text.substr(0, slash), &a);
        shards = std::stoi(text.substr(slash + 1), &b);
        if (a != slash || b != text.size() - slash - 1) return false;
    } catch (const std::exception&) {
        return false;
    }
    return shards >= 1 && shard >= 0 && shard < shards;
}

const char* env(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
}

}  // namespace

int sweep_command(const Args& args, const std::string& command_line) {
    po::options_description opts("options");
    opts.add_options()("help,h", "show this help")("sweep", po::value<std::string>()->required(), "sweep YAML file")(
        "output,o", po::value<std::string>(), "HDF5 file to write")(
        "threads,t", po::value<int>()->default_value(0), "worker threads per process (0: all cores; under MPI, cores / ranks per node)")(
        "resume", "finish an interrupted sweep into the same output (reruns no finished run)")(
        "force", "replace the output file if it exists (only once the new one is complete)")(
        "shard", po::value<std::string>(), "K/N: run only runs r with r % N == K (0 <= K < N) into a part file for `merge`; "
                                           "default from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT when set; `all` for every run")(
        "list", "print the runs and their parameter values, then stop")(
        "print-run", po::value<int>(), "print run R's resolved scenario as YAML (a plain `run` of it gives the same results)")(
        "quiet,q", "no progress on stderr");
    po::positional_options_description pos;
    pos.add("sweep", 1);
    po::variables_map vm;
    if (auto code = parse_options(args, opts, pos, vm, "usage: supplysim sweep <sweep.yaml> -o <out.h5> [--threads N] [--shard K/N] [--resume]"))
        return *code;

    const bool mpi = sweep::launched_by_mpi();
    const bool speaker = !mpi || sweep::launcher_rank() == 0;  // only one rank prints errors
    auto bad = [&](const std::string& message) {
        if (speaker) std::cerr << "supplysim: " << message << "\n";
        return exit_bad_input;
    };

    sweep::SweepOptions options;
    options.command_line = command_line;
    options.resume = vm.count("resume") > 0;
    options.quiet = vm.count("quiet") > 0 || !speaker;
    const bool listing = vm.count("list") || vm.count("print-run");
    if (!listing) {
        if (!vm.count("output")) return bad("the option '--output' is required");
        options.output = vm["output"].as<std::string>();
    }
    if (vm.count("shard")) {
        const auto text = vm["shard"].as<std::string>();
        if (text != "all" && !parse_shard(text, options.shard, options.shards))
            return bad("--shard must be K/N with 0 <= K < N (e.g. 3/16), or `all`; got \"" + text + "\"");
    } else if (env("SLURM_ARRAY_TASK_ID") && env("SLURM_ARRAY_TASK_COUNT")) {
        const int id = std::atoi(env("SLURM_ARRAY_TASK_ID"));
        const int min = env("SLURM_ARRAY_TASK_MIN") ? std::atoi(env("SLURM_ARRAY_TASK_MIN")) : 0;
        const int count = std::atoi(env("SLURM_ARRAY_TASK_COUNT"));
        options.shard = id - min;
        options.shards = count;
        if (count < 1 || options.shard < 0 || options.shard >= count)
            return bad("cannot use the Slurm array task as a shard: SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN = " +
                       std::to_string(options.shard) + " is not in 0.." + std::to_string(count - 1) +
                       " (use a contiguous --array range, or pass --shard K/N)");
        if (!options.quiet)
            std::fprintf(stderr, "sweep: shard %d/%d from SLURM_ARRAY_TASK_ID=%d (SLURM_ARRAY_TASK_COUNT=%d)\n", options.shard,
                         options.shards, id, count);
    }
    const int threads_opt = vm["threads"].as<int>();
    if (threads_opt < 0 || threads_opt > 4096) return bad("--threads must be from 0 to 4096");

    sweep::SweepPlan plan;
    try {
        plan = sweep::make_plan(sweep::parse_sweep_file(vm["sweep"].as<std::string>()));
    } catch (const InputError& e) {
        return bad(e.what());
    }

    if (vm.count("list")) {
        std::printf("# sweep %s: design %s, %d runs x %d replicates, sweep_hash %s\nrun", plan.spec.name.c_str(),
                    sweep::design_name(plan.spec.design), plan.runs(), plan.replicates, plan.hash.c_str());
        for (const auto& p : plan.spec.parameters) std::printf("\t%s", p.path.c_str());
        std::printf("\n");
        for (int r = 0; r < plan.runs(); ++r) {
            std::printf("%d", r);
            for (std::size_t p = 0; p < plan.spec.parameters.size(); ++p) std::printf("\t%s", plan.value_text(r, p).c_str());
            std::printf("\n");
        }
        return exit_ok;
    }
    if (vm.count("print-run")) {
        const int r = vm["print-run"].as<int>();
        if (r < 0 || r >= plan.runs()) return bad("--print-run: the sweep has runs 0 to " + std::to_string(plan.runs() - 1));
        ConfigNode tree = plan.tree_of_run(r);
        set_key_path(tree, "replicates", std::to_string(plan.replicates), {});
        std::printf("# run %d of sweep %s (sweep_hash %s)\n%s\n", r, plan.spec.file.c_str(), plan.hash.c_str(), to_yaml(tree).c_str());
        return exit_ok;
    }

    int threads = threads_opt;
    if (threads == 0 && mpi) {
        const int hw = int(std::max(1u, std::thread::hardware_concurrency()));
        threads = std::max(1, hw / std::max(1, sweep::launcher_local_size() - 1));
    }
    const bool force = vm.count("force") > 0;
    std::optional<AtomicFile> reserved;
    if (const auto code = prepare_sweep_output(plan, options, force, threads, speaker && sweep::launcher_rank() == 0, reserved))
        return *code;
    options.output_file = reserved ? &*reserved : nullptr;
    std::optional<tbb::global_control> limit;
    if (threads > 0) limit.emplace(tbb::global_control::max_allowed_parallelism, std::size_t(threads));

    if (!options.quiet)
        std::fprintf(stderr, "sweep %s: %s design, %d runs x %d replicates%s\n", plan.spec.name.c_str(),
                     sweep::design_name(plan.spec.design), plan.runs(), plan.replicates,
                     options.shards > 1 ? (", shard " + std::to_string(options.shard) + "/" + std::to_string(options.shards)).c_str() : "");
    try {
        if (mpi) {
#ifdef SUPPLYSIM_HAVE_MPI
            return sweep::run_sweep_mpi(plan, options);
#else
            return bad("started by an MPI launcher, but this supplysim was built without MPI (configure with "
                       "-DSUPPLYSIM_WITH_MPI=ON and Open MPI installed); run it without mpirun, or use --shard");
#endif
        }
        return sweep::run_sweep_local(plan, options);
    } catch (const std::invalid_argument& e) {
        return bad(e.what());
    } catch (const InputError& e) {
        return bad(e.what());
    }
}

}  // namespace supplysim::cli
