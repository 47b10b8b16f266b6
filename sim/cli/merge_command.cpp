#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "options.hpp"
#include "output_guard.hpp"
#include "supplysim/runs/sweep/merge.hpp"

namespace supplysim::cli {

int merge_command(const Args& args, const std::string& command_line) {
    po::options_description opts("options");
    opts.add_options()("help,h", "show this help")("inputs", po::value<std::vector<std::string>>()->required()->multitoken(),
                                                    "shard files written by `sweep --shard K/N`")(
        "output,o", po::value<std::string>()->required(), "HDF5 file to write (the whole sweep)")(
        "force", "replace the output file if it exists (only once the new one is complete)")("quiet,q", "no summary");
    po::positional_options_description pos;
    pos.add("inputs", -1);
    po::variables_map vm;
    if (auto code = parse_options(args, opts, pos, vm, "usage: supplysim merge <part.h5>... -o <sweep.h5>")) return *code;
    const auto inputs = vm["inputs"].as<std::vector<std::string>>();
    const auto output = vm["output"].as<std::string>();
    const bool force = vm.count("force") > 0;
    OutputGuard guard;
    for (const auto& in : inputs) {
        // Checked before HDF5 opens it: opening a FIFO would wait forever for a writer.
        if (const auto problem = regular_file_problem(in); !problem.empty()) throw Refusal(exit_bad_input, "merge refused: " + in + ": file " + problem);
        guard.input(in);
    }
    guard.output(output, "-o");
    guard.check_overlaps();
    OutputGuard::check_replaceable(output, "-o", force);
    AtomicFile target = AtomicFile::reserve(output, {.replace = force});
    try {
        const int runs = sweep::merge_files(inputs, output, command_line, &target);
        if (!vm.count("quiet")) std::printf("merged %zu files, %d runs, into %s\n", inputs.size(), runs, output.c_str());
    } catch (const std::invalid_argument& e) {
        std::cerr << "supplysim: merge refused: " << e.what() << "\n";
        return exit_bad_input;
    }
    return exit_ok;
}

}  // namespace supplysim::cli
