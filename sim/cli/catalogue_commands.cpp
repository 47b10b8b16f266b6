// `indicators` and `reference`: the catalogue of outputs and of scenario keys, generated from the
// same definitions the program uses, so the documentation cannot drift from the code.
#include <iostream>

#include "commands.hpp"
#include "options.hpp"
#include "supplysim/input/scenario_loader.hpp"
#include "supplysim/model/groups.hpp"
#include "supplysim/model/indicators.hpp"

namespace supplysim::cli {

int indicators_command(const Args& args) {
    po::options_description opts("options");
    opts.add_options()("help,h", "show this help")("markdown", "print as a Markdown table");
    po::variables_map vm;
    if (auto code = parse_options(args, opts, {}, vm, "usage: supplysim indicators [--markdown]")) return *code;
    std::string dims = "all";
    for (const char* d : all_dimensions) dims += std::string(", ") + d;
    dims += " (programme and years_in_programme only when outputs.dimensions lists them)";
    dims += ", and crossings of " + std::to_string(max_crossed_dimensions) + " of these or fewer (e.g. country*gender, " +
            "at most " + std::to_string(max_crossing_groups) + " groups each) when outputs.dimensions asks for them";
    if (vm.count("markdown")) {
        std::cout << "| indicator | units | kind | meaning |\n|---|---|---|---|\n";
        for (const auto& i : indicator_catalogue())
            std::cout << "| `" << i.name << "` | " << i.units << " | " << kind_name(i.kind) << " | " << i.description << " |\n";
        std::cout << "\nEvery indicator is disaggregated by: " << dims << ".\n";
        return exit_ok;
    }
    for (const auto& i : indicator_catalogue())
        std::cout << i.name << "\n    units: " << i.units << " (" << kind_name(i.kind) << ")\n    " << i.description << "\n";
    std::cout << "\ndisaggregations: " << dims << "\n";
    return exit_ok;
}

int reference_command(const Args& args) {
    po::options_description opts("options");
    opts.add_options()("help,h", "show this help")("scenario", po::value<std::string>()->required(),
                                                    "a scenario that uses every section (e.g. scenarios/baseline.yaml)");
    po::positional_options_description pos;
    pos.add("scenario", 1);
    po::variables_map vm;
    if (auto code = parse_options(args, opts, pos, vm, "usage: supplysim reference <scenario.yaml>")) return *code;
    SchemaRecorder recorder;
    try {
        resolve_scenario(load_config(vm["scenario"].as<std::string>()), vm["scenario"].as<std::string>(), &recorder);
    } catch (const InputError& e) {
        std::cerr << "supplysim: " << e.what() << "\n";
        return exit_bad_input;
    }
    std::cout << recorder.markdown();
    return exit_ok;
}

}  // namespace supplysim::cli
