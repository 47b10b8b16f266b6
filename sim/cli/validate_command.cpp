#include <iostream>

#include "commands.hpp"
#include "options.hpp"
#include "supplysim/input/scenario_loader.hpp"

namespace supplysim::cli {

int validate_command(const Args& args) {
    po::options_description opts("options");
    opts.add_options()("help,h", "show this help")("scenario", po::value<std::vector<std::string>>()->required(),
                                                    "scenario YAML files");
    po::positional_options_description pos;
    pos.add("scenario", -1);
    po::variables_map vm;
    if (auto code = parse_options(args, opts, pos, vm, "usage: supplysim validate <scenario.yaml>..."))
        return *code;
    int status = exit_ok;
    for (const auto& path : vm["scenario"].as<std::vector<std::string>>()) {
        try {
            const Scenario s = load_scenario(path);
            std::cout << path << ": ok (" << s.name << ": " << s.countries.size() << " countries, " << s.sectors.size()
                      << " sectors, " << s.tiers.size() << " tiers, " << s.total_workers() << " workers, "
                      << s.months() << " months)\n";
        } catch (const InputError& e) {
            std::cerr << "supplysim: " << e.what() << "\n";
            status = exit_bad_input;
        }
    }
    return status;
}

}  // namespace supplysim::cli
