#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>

#include "commands.hpp"
#include "options.hpp"
#include "supplysim/output/result_file.hpp"

namespace supplysim::cli {

namespace {

// The drawn parameters of an ensemble: min, mean and max over the draws.
void print_ensemble(const EnsembleRecord& e) {
    std::printf("parameter ensemble (/uncertainty): %zu draws, %d replicates per draw\n", e.values.size(), e.replicates_per_draw);
    std::printf("  %-52s %12s %12s %12s  %s\n", "parameter", "min", "mean", "max", "source");
    for (std::size_t p = 0; p < e.names.size(); ++p) {
        double lo = HUGE_VAL, hi = -HUGE_VAL, sum = 0;
        for (const auto& row : e.values) lo = std::min(lo, row[p]), hi = std::max(hi, row[p]), sum += row[p];
        std::printf("  %-52s %12.6g %12.6g %12.6g  %s\n", e.names[p].c_str(), lo, sum / double(std::max<std::size_t>(1, e.values.size())), hi,
                    p < e.sources.size() ? e.sources[p].c_str() : "");
    }
}

}  // namespace

int info_command(const Args& args) {
    po::options_description opts("options");
    opts.add_options()("help,h", "show this help")("file", po::value<std::string>()->required(), "results file (.h5)")(
        "scenario", "also print the resolved scenario YAML")(
        "sources", "also list the published sources and assumptions the scenario relies on");
    po::positional_options_description pos;
    pos.add("file", 1);
    po::variables_map vm;
    if (auto code = parse_options(args, opts, pos, vm, "usage: supplysim info <file.h5> [--scenario] [--sources]")) return *code;
    FileSummary s;
    try {
        s = read_file_summary(vm["file"].as<std::string>());
    } catch (const std::runtime_error& e) {
        std::cerr << "supplysim: " << e.what() << "\n";
        return exit_bad_input;
    }
    std::cout << "file:            " << vm["file"].as<std::string>() << "\n"
              << "format version:  " << s.format_version << "\n"
              << "program version: " << s.program_version << "\n"
              << "scenario:        " << s.scenario_name << " (" << s.scenario_file << ")\n"
              << "seed:            " << s.seed << "\n"
              << "runs:            " << s.runs << "\n"
              << "replicates:      " << s.replicates << "\n"
              << "months:          " << s.months << " from " << s.start << "\n"
              << "created:         " << s.created << "\n"
              << "command line:    " << s.command_line << "\n"
              << "indicators (" << s.indicators.size() << "):";
    for (const auto& i : s.indicators) std::cout << " " << i;
    std::cout << "\ngroups (" << s.groups.size() << "):\n";
    std::map<std::string, std::string> by_dimension;
    std::vector<std::string> order;
    for (const auto& g : s.groups) {
        if (!by_dimension.count(g.dimension)) order.push_back(g.dimension);
        auto& v = by_dimension[g.dimension];
        v += (v.empty() ? "" : ", ") + g.value;
    }
    for (const auto& d : order) std::cout << "  " << d << ": " << by_dimension[d] << "\n";
    if (!s.assessments.empty()) {
        std::cout << "assessments (table /assessments):";
        for (const auto& a : s.assessments) std::cout << " " << a.name << "=" << a.date.str();
        std::cout << "\n";
    }
    if (!s.ensemble.names.empty()) print_ensemble(s.ensemble);
    if (vm.count("scenario")) std::cout << "\nresolved scenario:\n" << s.scenario_yaml;
    if (vm.count("sources")) {
        std::cout << "\n";
        return print_sources(vm["file"].as<std::string>(), false);
    }
    return exit_ok;
}

}  // namespace supplysim::cli
