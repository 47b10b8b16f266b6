#pragma once
// Shared command-line parsing: Boost.Program_options with errors turned into exit code 2.
#include <boost/program_options.hpp>

#include <iostream>
#include <optional>

#include "commands.hpp"

namespace supplysim::cli {

namespace po = boost::program_options;

// Parses args; prints help (returns exit_ok) or the error (returns exit_bad_input) when it should stop.
inline std::optional<int> parse_options(const Args& args, const po::options_description& visible,
                                        const po::positional_options_description& positional, po::variables_map& vm,
                                        const char* synopsis) {
    try {
        po::store(po::command_line_parser(args).options(visible).positional(positional).run(), vm);
        if (vm.count("help")) {
            std::cout << synopsis << "\n" << visible;
            return exit_ok;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "supplysim: " << e.what() << "\n" << synopsis << "\n" << visible;
        return exit_bad_input;
    }
    return std::nullopt;
}

}  // namespace supplysim::cli
