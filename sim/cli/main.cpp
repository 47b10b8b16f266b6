// supplysim: agent-based simulation of decent work in global supply chains.
#include <csignal>
#include <cstring>
#include <iostream>
#include <map>

#include "commands.hpp"
#include "interrupts.hpp"
#include "output_guard.hpp"
#include "supplysim/output/atomic_file.hpp"
#include "supplysim/runs/experiment.hpp"
#include "supplysim/runs/sweep/launcher.hpp"
#include "supplysim/runs/sweep/mpi_runner.hpp"
#include "supplysim/version.hpp"

namespace {

// Under MPI every rank runs the command; only rank 0 speaks.
bool speaker() { return !supplysim::sweep::launched_by_mpi() || supplysim::sweep::launcher_rank() == 0; }

int refuse(const std::string& message, int code) {
    if (speaker()) std::cerr << "supplysim: " << message << "\n";
    return code;
}

const char* usage =
    "usage: supplysim <command> [options]\n"
    "\n"
    "commands:\n"
    "  run <scenario.yaml> -o <out.h5>   simulate a scenario's replicates into one HDF5 file\n"
    "  sweep <sweep.yaml> -o <out.h5>    run a parameter sweep (grid, Latin hypercube, Sobol); --shard, --resume, MPI\n"
    "  merge <part.h5>... -o <out.h5>    join the shard files of a sweep into one file\n"
    "  calibrate <calib.yaml> -o <out.h5> estimate parameters from published moments (ABC, ABC-SMC, MSM)\n"
    "  validate <scenario.yaml>          check a scenario file; print what is wrong, with file:line:column\n"
    "  info <file.h5>                    what a results file holds: scenario, seed, version, indicators, groups\n"
    "  indicators                        the indicator catalogue: name, unit, meaning, disaggregations\n"
    "  reference                         every scenario key with type, default and range (Markdown)\n"
    "  sources <scenario.yaml|file.h5>   the published sources and the assumptions a scenario relies on\n"
    "\n"
    "`supplysim <command> --help` describes a command's options.\n"
    "exit codes: 0 ok, 1 runtime failure, 2 bad input, 130 interrupted.\n";

}  // namespace

int main(int argc, char** argv) {
    using namespace supplysim::cli;
    std::string command_line;
    for (int i = 0; i < argc; ++i) {
        if (i) command_line += ' ';
        command_line += argv[i];
    }
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        std::cout << usage;
        return argc < 2 ? exit_bad_input : exit_ok;
    }
    if (!std::strcmp(argv[1], "--version")) {
        std::cout << "supplysim " << supplysim::program_version << "\n";
        return exit_ok;
    }
    handle_interrupts();
    if (!speaker()) set_interrupt_message("");
    // Past a file-size limit (ulimit -f) a write must fail with EFBIG and a message, not kill us.
    std::signal(SIGXFSZ, SIG_IGN);
    const std::string command = argv[1];
    const Args args(argv + 2, argv + argc);
    try {
        if (command == "run") return run_command(args, command_line);
        if (command == "validate") return validate_command(args);
        if (command == "info") return info_command(args);
        if (command == "indicators") return indicators_command(args);
        if (command == "reference") return reference_command(args);
        if (command == "sources") return sources_command(args);
        if (command == "sweep") return sweep_command(args, command_line);
        if (command == "merge") return merge_command(args, command_line);
        if (command == "calibrate") return calibrate_command(args, command_line);
    } catch (const Refusal& e) {
        return refuse(e.what(), e.code());
    } catch (const supplysim::OutputError& e) {
        return refuse(e.what(), e.kind() == supplysim::OutputError::Kind::bad_destination ? exit_bad_input : exit_failure);
    } catch (const std::exception& e) {
        std::cerr << "supplysim: " << e.what() << "\n";
        return exit_failure;
    }
    std::cerr << "supplysim: unknown command \"" << command << "\"\n\n" << usage;
    return exit_bad_input;
}
