// `sources`: the published sources and the assumptions a scenario relies on, from the evidence registry
// compiled into the program (sim/input/evidence/evidence.yaml). `info <file.h5> --sources` calls the same code.
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "commands.hpp"
#include "options.hpp"
#include "supplysim/input/evidence.hpp"
#include "supplysim/input/input_file.hpp"
#include "supplysim/input/scenario_loader.hpp"
#include "supplysim/output/result_file.hpp"

namespace supplysim::cli {

namespace {

bool is_results_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[8] = {};
    in.read(magic, 8);
    return in.gcount() == 8 && std::string(magic, 8) == std::string("\x89HDF\r\n\x1a\n", 8);
}

// The scenario keys whose values carry a claim about the world: numbers and choices in the sections
// that describe countries, sectors, tiers, buyers and behaviour.
bool in_scope(const FieldDoc& f) {
    static const std::set<std::string> types = {"number", "integer", "list of numbers", "map of name to number",
                                                "boolean", "choice"};
    if (!types.count(f.type)) return false;
    for (const char* prefix : {"parameters.", "countries[].", "sectors[].", "tiers[].", "buyers[]."})
        if (f.path.rfind(prefix, 0) == 0) return true;
    return false;
}

// Whether the scenario file sets `path` (in any list entry) rather than leaving it to the default.
bool set_in(const ConfigNode& node, const std::vector<std::string>& parts, std::size_t i) {
    if (i == parts.size()) return true;
    std::string key = parts[i];
    const bool list = key.size() > 2 && key.compare(key.size() - 2, 2, "[]") == 0;
    if (list) key.resize(key.size() - 2);
    const ConfigNode* child = node.find(key);
    if (!child) return false;
    if (!list) return set_in(*child, parts, i + 1);
    for (const auto& item : child->items)
        if (set_in(item, parts, i + 1)) return true;
    return false;
}

bool set_in(const ConfigNode& root, const std::string& path) {
    std::vector<std::string> parts(1);
    for (char ch : path) {
        if (ch == '.') parts.emplace_back();
        else parts.back() += ch;
    }
    return set_in(root, parts, 0);
}

struct Use {
    const EvidenceEntry* entry;
    int keys = 0;      // scenario keys matched by the entry
    int set = 0;       // of which set in the scenario (the rest use defaults)
};

std::string keys_text(const Use& u) {
    std::string s = u.entry->key;
    if (u.keys > 1) s += " (" + std::to_string(u.keys) + " keys)";
    if (u.set == 0) s += " [default]";
    return s;
}

}  // namespace

int print_sources(const std::string& path, bool notes) {
    ConfigNode tree;
    std::string name;
    // Before anything opens it: a FIFO would block, a device would be read without end.
    if (const std::string problem = regular_file_problem(path); !problem.empty()) {
        std::cerr << "supplysim: " << path << ": file " << problem << "\n";
        return exit_bad_input;
    }
    const bool results = is_results_file(path);
    try {
        if (results) {
            const FileSummary summary = read_file_summary(path, true);
            tree = parse_config_text(summary.scenario_yaml, path + " (resolved scenario)");
        } else {
            tree = load_config(path);
        }
        SchemaRecorder recorder;
        const Scenario scenario = resolve_scenario(tree, path, &recorder);
        name = scenario.name;

        const auto& registry = EvidenceRegistry::builtin();
        std::vector<Use> uses;  // in registry order
        std::map<const EvidenceEntry*, std::size_t> index;
        std::vector<std::string> missing;
        for (const auto& f : recorder.fields()) {
            if (!in_scope(f)) continue;
            const EvidenceEntry* e = registry.find(f.path);
            if (!e) {
                if (f.type != "choice" && f.type != "boolean") missing.push_back(f.path);
                continue;
            }
            auto [it, added] = index.emplace(e, uses.size());
            if (added) uses.push_back({e});
            auto& u = uses[it->second];
            ++u.keys;
            u.set += set_in(tree, f.path);
        }

        int counts[3] = {0, 0, 0};
        for (const auto& u : uses) counts[int(u.entry->status)] += u.keys;
        std::cout << "scenario \"" << name << "\" (" << path << ") relies on " << counts[0] + counts[1] + counts[2]
                  << " parameter keys: " << counts[0] << " backed by published evidence, " << counts[2]
                  << " calibrated, " << counts[1] << " assumptions.\n"
                  << (results ? "(a results file holds the resolved scenario, so defaults cannot be told apart)\n\n"
                              : "[default] marks keys the scenario leaves at the program's default.\n\n")
                  << "sources:\n";
        for (const auto& src : registry.sources()) {
            std::vector<const Use*> evidence, context;
            for (const auto& u : uses)
                for (const auto& id : u.entry->sources)
                    if (id == src.id) (u.entry->status == EvidenceStatus::assumption ? context : evidence).push_back(&u);
            if (evidence.empty() && context.empty()) continue;
            std::cout << "\n" << src.citation << (src.secondary ? " [secondary: check the original]" : "") << "\n";
            if (notes && !src.figures.empty()) std::cout << "    reports: " << src.figures << "\n";
            for (const Use* u : evidence) std::cout << "    evidence for: " << keys_text(*u) << "\n";
            for (const Use* u : context) std::cout << "    informs assumption: " << keys_text(*u) << "\n";
        }
        for (auto status : {EvidenceStatus::calibrated, EvidenceStatus::assumption}) {
            std::vector<const Use*> list;
            for (const auto& u : uses)
                if (u.entry->status == status) list.push_back(&u);
            if (status == EvidenceStatus::calibrated && list.empty()) continue;
            std::cout << "\n" << (status == EvidenceStatus::assumption ? "assumptions (no measured source; awaiting calibration)"
                                                                       : "calibrated")
                      << ":\n";
            for (const Use* u : list) {
                std::cout << "    " << keys_text(*u) << "\n";
                if (notes && !u->entry->note.empty()) std::cout << "        " << u->entry->note << "\n";
            }
        }
        if (!missing.empty()) {
            std::cout << "\nkeys without an entry in the evidence registry:\n";
            for (const auto& k : missing) std::cout << "    " << k << "\n";
        }
        if (!notes) std::cout << "\n(--notes prints what each source reports and the reasoning behind each assumption)\n";
    } catch (const InputError& e) {
        std::cerr << "supplysim: " << e.what() << "\n";
        return exit_bad_input;
    } catch (const std::runtime_error& e) {
        std::cerr << "supplysim: " << e.what() << "\n";
        return exit_bad_input;
    }
    return exit_ok;
}

int sources_command(const Args& args) {
    po::options_description opts("options");
    opts.add_options()("help,h", "show this help")("file", po::value<std::string>()->required(),
                                                    "scenario YAML or results file (.h5)")(
        "notes", "also print what each source reports and the reasoning behind each assumption");
    po::positional_options_description pos;
    pos.add("file", 1);
    po::variables_map vm;
    if (auto code = parse_options(args, opts, pos, vm, "usage: supplysim sources <scenario.yaml|file.h5> [--notes]"))
        return *code;
    return print_sources(vm["file"].as<std::string>(), vm.count("notes") > 0);
}

}  // namespace supplysim::cli
