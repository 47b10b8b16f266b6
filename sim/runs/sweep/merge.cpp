#include "supplysim/runs/sweep/merge.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/output/result_file.hpp"
#include "supplysim/output/sweep_output.hpp"

namespace supplysim::sweep {

namespace {

[[noreturn]] void refuse(const std::string& what) { throw std::invalid_argument(what); }

// Parameter paths in the order the sweep file lists them (the files list them by name).
std::vector<std::string> parameter_order(const std::string& sweep_yaml, const std::vector<std::string>& present) {
    std::vector<std::string> order;
    try {
        const ConfigNode tree = parse_config_text(sweep_yaml, "sweep_yaml");
        if (const auto* params = tree.find("parameters"))
            for (const auto& item : params->items)
                if (const auto* path = item.find("path"))
                    if (std::find(present.begin(), present.end(), path->scalar) != present.end()) order.push_back(path->scalar);
    } catch (const std::exception&) {
    }
    for (const auto& p : present)
        if (std::find(order.begin(), order.end(), p) == order.end()) order.push_back(p);
    return order;
}

// The deflate level the parts were written with: outputs.compression of their resolved scenario.
int compression_of(const std::string& scenario_yaml) {
    try {
        const ConfigNode tree = parse_config_text(scenario_yaml, "scenario_yaml");
        if (const auto* outputs = tree.find("outputs"))
            if (const auto* level = outputs->find("compression")) return std::clamp(std::stoi(level->scalar), 0, 9);
    } catch (const std::exception&) {
    }
    return OutputHeader{}.compression;
}

}  // namespace

int merge_files(const std::vector<std::string>& inputs, const std::string& output, const std::string& command_line,
                AtomicFile* reserved) {
    if (inputs.empty()) refuse("no input files");
    std::vector<PartInfo> parts;
    for (const auto& in : inputs) {
        PartInfo info;
        try {
            info = read_part_info(in);
        } catch (const std::runtime_error& e) {
            refuse(e.what());
        }
        if (!info.complete)
            refuse(in + ": incomplete (its sweep was interrupted or is still running); finish it with `sweep --resume` first");
        parts.push_back(std::move(info));
    }
    const PartInfo& first = parts.front();
    for (const auto& p : parts) {
        if (p.hash != first.hash)
            refuse(p.path + " comes from a different sweep than " + first.path + " (sweep_hash " + p.hash + " vs " + first.hash +
                   ": a different sweep file, base scenario or program version)");
        if (p.total_runs != first.total_runs || p.replicates != first.replicates || p.months != first.months || p.groups != first.groups)
            refuse(p.path + " and " + first.path + " disagree on the sweep's size (runs, replicates, months or groups)");
        if (p.parameter_paths != first.parameter_paths) refuse(p.path + " and " + first.path + " vary different parameters");
    }
    // Every run exactly once.
    const int total = first.total_runs;
    std::vector<int> owner(std::size_t(total), -1), position(std::size_t(total), -1);
    for (std::size_t f = 0; f < parts.size(); ++f) {
        if (parts[f].runs.size() != parts[f].all_ids.size()) refuse(parts[f].path + ": some of its runs are not marked done");
        for (std::size_t i = 0; i < parts[f].runs.size(); ++i) {
            const int r = parts[f].runs[i];
            if (r < 0 || r >= total) refuse(parts[f].path + ": run id " + std::to_string(r) + " is outside the sweep (0.." + std::to_string(total - 1) + ")");
            if (owner[std::size_t(r)] >= 0)
                refuse("run " + std::to_string(r) + " is in both " + parts[std::size_t(owner[std::size_t(r)])].path + " and " + parts[f].path +
                       " (the same shard given twice, or shards of different --shard counts?)");
            owner[std::size_t(r)] = int(f);
            position[std::size_t(r)] = parts[f].local[i];
        }
    }
    std::vector<int> missing;
    for (int r = 0; r < total; ++r)
        if (owner[std::size_t(r)] < 0) missing.push_back(r);
    if (!missing.empty()) {
        std::string list;
        for (std::size_t i = 0; i < missing.size() && i < 12; ++i) list += (i ? ", " : "") + std::to_string(missing[i]);
        if (missing.size() > 12) list += ", ...";
        refuse(std::to_string(missing.size()) + " of " + std::to_string(total) + " runs are missing (" + list +
               "): is a shard missing from the list, or did one fail?");
    }

    // The header and parameters come from the inputs themselves (the sweep file may not be at hand).
    const FileSummary summary = read_file_summary(first.path);
    SweepMeta meta;
    meta.header.scenario_name = summary.scenario_name;
    meta.header.scenario_file = summary.scenario_file;
    meta.header.scenario_yaml = summary.scenario_yaml;
    meta.header.seed = summary.seed;
    meta.header.replicates = summary.replicates;
    meta.header.start = parse_year_month(summary.start).value_or(YearMonth{});
    meta.header.months = summary.months;
    meta.header.groups = summary.groups;
    meta.header.assessments = summary.assessments;
    meta.header.compression = compression_of(summary.scenario_yaml);
    meta.design = first.design;
    meta.name = first.sweep_name;
    meta.hash = first.hash;
    meta.total_runs = total;
    meta.yaml = first.yaml;
    meta.sobol_n = first.sobol_n;
    meta.sobol_k = first.sobol_k;
    meta.parameter_paths = parameter_order(meta.yaml, first.parameter_paths);
    for (const auto& path : meta.parameter_paths) {
        const auto idx = std::size_t(std::find(first.parameter_paths.begin(), first.parameter_paths.end(), path) - first.parameter_paths.begin());
        std::vector<double> column(static_cast<std::size_t>(total));
        for (int r = 0; r < total; ++r) {
            const auto& part = parts[std::size_t(owner[std::size_t(r)])];
            column[std::size_t(r)] = part.parameter_values[idx][std::size_t(position[std::size_t(r)])];
        }
        meta.parameter_columns.push_back(std::move(column));
    }

    WriteRequest req;
    req.output = output;
    for (int r = 0; r < total; ++r) req.runs.push_back(r);
    req.command_line = command_line;
    req.reserved = reserved;
    return write_sweep_output(meta, req, [&](int run) {
        return std::optional<std::vector<Series>>(read_run(parts[std::size_t(owner[std::size_t(run)])], position[std::size_t(run)]));
    });
}

}  // namespace supplysim::sweep
