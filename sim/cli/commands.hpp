#pragma once
// The `supplysim` subcommands. Each takes its own arguments (after the subcommand name) and returns
// the exit code: 0 ok, 1 runtime failure, 2 bad input.
#include <string>
#include <vector>

namespace supplysim::cli {

using Args = std::vector<std::string>;

int run_command(const Args& args, const std::string& command_line);
int validate_command(const Args& args);
int info_command(const Args& args);
int indicators_command(const Args& args);
int reference_command(const Args& args);
int sources_command(const Args& args);
// The sources and assumptions a scenario (YAML or results file) relies on; `info --sources` uses it too.
int print_sources(const std::string& path, bool notes, const std::string& format = "text");
int sweep_command(const Args& args, const std::string& command_line);
int merge_command(const Args& args, const std::string& command_line);
int calibrate_command(const Args& args, const std::string& command_line);

inline constexpr int exit_ok = 0, exit_failure = 1, exit_bad_input = 2, exit_interrupted = 130;

}  // namespace supplysim::cli
