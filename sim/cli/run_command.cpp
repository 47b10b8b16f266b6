#include <tbb/global_control.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <unistd.h>

#include "commands.hpp"
#include "options.hpp"
#include "output_guard.hpp"
#include "preflight.hpp"
#include "supplysim/input/scenario_loader.hpp"
#include "supplysim/input/uncertainty.hpp"
#include "supplysim/output/result_file.hpp"
#include "supplysim/runs/experiment.hpp"
#include "supplysim/runs/memory_estimate.hpp"
#include "supplysim/runs/parameter_ensemble.hpp"

namespace supplysim::cli {

namespace {

// Mean over replicates of an indicator for group "all" in one month.
double replicate_mean(const std::vector<Series>& series, int indicator, int month) {
    double sum = 0;
    for (const auto& s : series) sum += s.at(indicator, month, 0);
    return sum / double(series.size());
}

void print_summary(const Scenario& s, const std::vector<Series>& series, double seconds) {
    const auto& catalogue = indicator_catalogue();
    const int last = s.months() - 1;
    std::printf("\n%s: %lld workers, %d months (%s to %s), %zu replicates, %.2f s\n", s.name.c_str(),
                static_cast<long long>(s.total_workers()), s.months(), s.start.str().c_str(), s.end.str().c_str(),
                series.size(), seconds);
    std::printf("%-38s %12s %12s   %s\n", "indicator (all workers, replicate mean)", s.start.str().c_str(),
                s.end.str().c_str(), "units");
    for (std::size_t i = 0; i < catalogue.size(); ++i)
        std::printf("%-38s %12.4g %12.4g   %s\n", catalogue[i].name.c_str(), replicate_mean(series, int(i), 0),
                    replicate_mean(series, int(i), last), catalogue[i].units.c_str());
}

}  // namespace

int run_command(const Args& args, const std::string& command_line) {
    po::options_description opts("options");
    opts.add_options()("help,h", "show this help")("scenario", po::value<std::string>()->required(), "scenario YAML file")(
        "output,o", po::value<std::string>()->required(), "HDF5 file to write")(
        "replicates,r", po::value<int>(), "replicates (default: the scenario's `replicates`)")(
        "threads,t", po::value<int>()->default_value(0), "worker threads (0: all cores)")(
        "force", "replace the output file if it exists (only once the new one is complete)")(
        "uncertainty,u", po::value<std::string>(), "YAML file with an `uncertainty:` block (replaces the scenario's)")(
        "draws,d", po::value<int>(), "parameter draws (overrides `uncertainty: draws`)")(
        "no-uncertainty", "ignore the scenario's `uncertainty:` block: one run of its own parameter values")(
        "quiet,q", "no summary on screen");
    po::positional_options_description pos;
    pos.add("scenario", 1);
    po::variables_map vm;
    if (auto code = parse_options(args, opts, pos, vm, "usage: supplysim run <scenario.yaml> -o <out.h5> [options]"))
        return *code;

    Scenario scenario;
    std::optional<ParameterEnsemble> ensemble;
    std::string posterior_file;  // read through HDF5, so named to the output guard by hand
    try {
        const std::string path = vm["scenario"].as<std::string>();
        const ConfigNode tree = load_config(path);
        scenario = resolve_scenario(tree, path);
        auto uncertainty = vm.count("uncertainty") ? load_uncertainty_file(vm["uncertainty"].as<std::string>()) : read_uncertainty(tree);
        if (vm.count("no-uncertainty")) {
            if (vm.count("uncertainty") || vm.count("draws")) {
                std::cerr << "supplysim: --no-uncertainty cannot be combined with --uncertainty or --draws\n";
                return exit_bad_input;
            }
            uncertainty.reset();
        }
        if (vm.count("draws")) {
            if (!uncertainty) {
                std::cerr << "supplysim: --draws needs an `uncertainty:` block in the scenario or --uncertainty FILE\n";
                return exit_bad_input;
            }
            if (const int d = vm["draws"].as<int>(); d < 1 || d > 1000000) {
                std::cerr << "supplysim: --draws must be from 1 to 1000000, got " << d << "\n";
                return exit_bad_input;
            }
            uncertainty->draws = vm["draws"].as<int>();
        }
        if (uncertainty) {
            if (vm.count("replicates")) {
                std::cerr << "supplysim: a parameter ensemble runs draws x replicates_per_draw replicates; set --draws or "
                             "`uncertainty: replicates_per_draw`, not --replicates\n";
                return exit_bad_input;
            }
            if (double(uncertainty->draws) * uncertainty->replicates_per_draw > 100000) {
                std::cerr << "supplysim: " << uncertainty->draws << " draws x " << uncertainty->replicates_per_draw
                          << " replicates per draw is more than 100000 replicates\n";
                return exit_bad_input;
            }
            ensemble = draw_parameter_ensemble(tree, path, *uncertainty);
            posterior_file = uncertainty->posterior_file;
        }
    } catch (const InputError& e) {
        std::cerr << "supplysim: " << e.what() << "\n";
        return exit_bad_input;
    }
    const std::string output = vm["output"].as<std::string>();
    const bool force = vm.count("force") > 0;
    OutputGuard guard;
    guard.inputs_read_so_far();
    if (!posterior_file.empty()) guard.input(posterior_file);
    guard.output(output, "-o");
    guard.check_overlaps();
    OutputGuard::check_replaceable(output, "-o", force);
    const int replicates = ensemble ? ensemble->replicates() : vm.count("replicates") ? vm["replicates"].as<int>() : scenario.replicates;
    const int threads = vm["threads"].as<int>();
    if (replicates < 1 || replicates > 100000) {
        std::cerr << "supplysim: --replicates must be from 1 to 100000\n";
        return exit_bad_input;
    }
    if (threads < 0 || threads > 4096) {
        std::cerr << "supplysim: --threads must be from 0 to 4096\n";
        return exit_bad_input;
    }
    std::optional<tbb::global_control> limit;
    if (threads > 0) limit.emplace(tbb::global_control::max_allowed_parallelism, std::size_t(threads));

    const GroupLayout layout(scenario);
    // Refuse a run that cannot fit in memory now, not hours later.
    check_memory(estimate_memory(scenario, replicates, threads, layout.group_count(), layout.cell_count()),
                 vm["scenario"].as<std::string>(), "run");
    // The output is reserved now, not after the simulation: a missing or read-only folder, or another
    // supplysim writing the same file, is found before any work is done.
    AtomicFile target = AtomicFile::reserve(output, {.replace = force});
    warn_if_disk_short(output, output_bytes(scenario, layout.group_count(), 1, replicates),
                       "1 run x " + std::to_string(replicates) + " replicates");
    const auto t0 = std::chrono::steady_clock::now();
    const bool tty = isatty(STDERR_FILENO);
    std::vector<Series> series;
    try {
        const auto progress = [&](int done) {
            if (tty) std::fprintf(stderr, "\r  replicate %d/%d", done, replicates);
        };
        series = ensemble ? run_replicates([&](int r) -> const Scenario& { return ensemble->scenario_of_replicate(r); }, layout,
                                           replicates, progress)
                          : run_replicates(scenario, layout, replicates, progress);
    } catch (const Cancelled&) {
        std::cerr << "\nsupplysim: interrupted; nothing written\n";
        return exit_interrupted;
    }
    if (tty) std::fprintf(stderr, "\n");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    auto file = ResultFile::create(std::move(target), make_header(scenario, layout, replicates, 1, command_line));
    try {
        if (ensemble) file.write_ensemble(ensemble->record, replicates);
        for (int r = 0; r < replicates; ++r) file.write_replicate(0, r, series[std::size_t(r)]);
        file.mark_run_done(0);
        file.finish();
    } catch (...) {
        file.discard();
        throw;
    }
    if (!vm.count("quiet")) {
        print_summary(scenario, series, seconds);
        if (ensemble)
            std::printf("parameter ensemble: %zu draws of %zu parameters, %d replicates per draw\n", ensemble->scenarios.size(),
                        ensemble->record.names.size(), ensemble->record.replicates_per_draw);
        std::printf("\nwrote %s\n", output.c_str());
    }
    return exit_ok;
}

}  // namespace supplysim::cli
