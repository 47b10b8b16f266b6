// `sources`: the published sources and the assumptions a scenario relies on, from the evidence registry
// compiled into the program (sim/input/evidence/evidence.yaml): the scenario's parameter keys and, for each
// intervention in force, its lever keys (`interventions[type=<lever>].<key>`) with the value in force,
// the default, the status and the sources. As text for people, or as YAML or CSV for programs (the memo).
// `info <file.h5> --sources` calls the same code.
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

const std::string lever_prefix = "interventions[type=";

bool is_lever_key(const std::string& path) { return path.rfind(lever_prefix, 0) == 0; }

// The scenario keys whose values carry a claim about the world: numbers and choices in the sections
// that describe countries, sectors, tiers, buyers and behaviour, and the levers' own keys.
bool in_scope(const FieldDoc& f) {
    static const std::set<std::string> types = {"number", "integer", "list of numbers", "map of name to number",
                                                "boolean", "choice"};
    if (!types.count(f.type)) return false;
    for (const char* prefix : {"parameters.", "countries[].", "sectors[].", "tiers[].", "buyers[]."})
        if (f.path.rfind(prefix, 0) == 0) return true;
    return is_lever_key(f.path);
}

std::vector<std::string> split_dots(const std::string& path) {
    std::vector<std::string> parts(1);
    for (char ch : path) {
        if (ch == '.') parts.emplace_back();
        else parts.back() += ch;
    }
    return parts;
}

std::string scalar_of(const ConfigNode& node, const char* key) {
    const ConfigNode* n = node.find(key);
    return n && n->kind == ConfigNode::Kind::scalar ? n->scalar : std::string();
}

// The list entries a path component stands for: `countries[]` every entry, `interventions[type=x]`
// the entries of type x, anything else the node itself.
std::vector<const ConfigNode*> step(const ConfigNode& node, const std::string& part) {
    const auto open = part.find('[');
    if (open == std::string::npos) {
        const ConfigNode* child = node.find(part);
        return child ? std::vector<const ConfigNode*>{child} : std::vector<const ConfigNode*>{};
    }
    const ConfigNode* list = node.find(part.substr(0, open));
    std::vector<const ConfigNode*> out;
    if (!list) return out;
    const std::string filter = part.substr(open + 1, part.size() - open - 2);  // "" or "type=x"
    const auto eq = filter.find('=');
    for (const auto& item : list->items)
        if (eq == std::string::npos || scalar_of(item, filter.substr(0, eq).c_str()) == filter.substr(eq + 1))
            out.push_back(&item);
    return out;
}

// Every node `path` names under `node`, with the name of the list entry it belongs to.
void find_all(const ConfigNode& node, const std::vector<std::string>& parts, std::size_t i, const std::string& entry,
              std::vector<std::pair<std::string, const ConfigNode*>>& out) {
    if (i == parts.size()) {
        out.emplace_back(entry, &node);
        return;
    }
    const bool list = parts[i].find('[') != std::string::npos;
    for (const ConfigNode* n : step(node, parts[i])) find_all(*n, parts, i + 1, list ? scalar_of(*n, "name") : entry, out);
}

// Whether the scenario file sets `path` (in any list entry) rather than leaving it to the default.
bool set_in(const ConfigNode& root, const std::string& path) {
    std::vector<std::pair<std::string, const ConfigNode*>> found;
    find_all(root, split_dots(path), 0, "", found);
    return !found.empty();
}

std::string value_text(const ConfigNode& n) {
    std::string out;
    switch (n.kind) {
        case ConfigNode::Kind::null: return "";
        case ConfigNode::Kind::scalar: return n.scalar;
        case ConfigNode::Kind::sequence:
            for (const auto& item : n.items) out += (out.empty() ? "" : ", ") + value_text(item);
            return "[" + out + "]";
        case ConfigNode::Kind::map:
            for (const auto& [k, v] : n.entries) out += (out.empty() ? "" : ", ") + k + ": " + value_text(v);
            return "{" + out + "}";
    }
    return out;
}

// One key in force: a parameter key of one list entry (or of the scenario), or a lever key of one intervention.
struct KeyInForce {
    std::string key;           // reference key path, e.g. countries[].informality
    std::string entry;         // the list entry's name (country, sector, tier, buyer; the intervention's name
                               // or type); empty for keys outside lists
    int intervention = -1;     // position in the scenario's `interventions:` list, for lever keys
    std::string value, default_value;
    bool set = false;          // given in the scenario file (unknown for a results file: false)
    const EvidenceEntry* evidence = nullptr;
};

struct InterventionInForce {
    int index = 0;
    std::string type, name;
    std::vector<const KeyInForce*> keys;
};

// Keys grouped by registry entry, for the text listing.
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

struct Report {
    std::string name, path;
    bool results = false;
    std::vector<Use> uses;                   // in registry order of first use
    std::vector<std::string> missing;        // numeric keys without a registry entry
    std::vector<KeyInForce> keys;            // every key in force, parameter keys first
    std::vector<InterventionInForce> interventions;
    int counts[3] = {0, 0, 0};               // keys by EvidenceStatus
};

Report gather(const std::string& path) {
    Report rep;
    rep.path = path;
    rep.results = is_results_file(path);
    ConfigNode tree;
    if (rep.results) {
        const FileSummary summary = read_file_summary(path, true);
        tree = parse_config_text(summary.scenario_yaml, path + " (resolved scenario)");
    } else {
        tree = load_config(path);
    }
    SchemaRecorder recorder;
    const Scenario scenario = resolve_scenario(tree, path, &recorder);
    rep.name = scenario.name;
    const ConfigNode resolved = parse_config_text(scenario.resolved_yaml, path + " (resolved scenario)");
    const auto& registry = EvidenceRegistry::builtin();

    std::map<const EvidenceEntry*, std::size_t> index;
    std::vector<const FieldDoc*> lever_fields;
    for (const auto& f : recorder.fields()) {
        if (!in_scope(f)) continue;
        const EvidenceEntry* e = registry.find(f.path);
        if (!e) {
            if (f.type != "choice" && f.type != "boolean") rep.missing.push_back(f.path);
        } else {
            auto [it, added] = index.emplace(e, rep.uses.size());
            if (added) rep.uses.push_back({e});
            auto& u = rep.uses[it->second];
            ++u.keys;
            u.set += set_in(tree, f.path);
        }
        if (is_lever_key(f.path)) {
            lever_fields.push_back(&f);
            continue;
        }
        std::vector<std::pair<std::string, const ConfigNode*>> values, given;
        find_all(resolved, split_dots(f.path), 0, "", values);
        find_all(tree, split_dots(f.path), 0, "", given);
        for (const auto& [entry, node] : values) {
            bool set = false;
            for (const auto& g : given) set = set || g.first == entry;
            rep.keys.push_back({f.path, entry, -1, value_text(*node), f.default_value, set && !rep.results, e});
        }
    }
    for (const auto& u : rep.uses) rep.counts[int(u.entry->status)] += u.keys;

    // Lever keys, intervention by intervention in the order the file lists them (the resolved list keeps it).
    const ConfigNode* resolved_list = resolved.find("interventions");
    const ConfigNode* given_list = tree.find("interventions");
    const std::size_t first_lever_key = rep.keys.size();
    for (std::size_t i = 0; resolved_list && i < resolved_list->items.size(); ++i) {
        const ConfigNode& item = resolved_list->items[i];
        const ConfigNode* given = given_list && i < given_list->items.size() ? &given_list->items[i] : nullptr;
        const std::string type = scalar_of(item, "type");
        const std::string name = scalar_of(item, "name").empty() ? type : scalar_of(item, "name");
        const std::string prefix = lever_prefix + type + "].";
        for (const FieldDoc* f : lever_fields) {
            if (f->path.rfind(prefix, 0) != 0) continue;
            const auto parts = split_dots(f->path.substr(prefix.size()));
            std::vector<std::pair<std::string, const ConfigNode*>> values, set;
            find_all(item, parts, 0, "", values);
            if (values.empty()) continue;  // an optional key left out: nothing of it in force
            if (given) find_all(*given, parts, 0, "", set);
            rep.keys.push_back({f->path, name, int(i), value_text(*values.front().second),
                                f->default_value, !set.empty() && !rep.results, registry.find(f->path)});
        }
        rep.interventions.push_back({int(i), type, name, {}});
    }
    for (std::size_t k = first_lever_key; k < rep.keys.size(); ++k)
        rep.interventions[std::size_t(rep.keys[k].intervention)].keys.push_back(&rep.keys[k]);
    return rep;
}

std::string status_of(const KeyInForce& k) { return k.evidence ? status_name(k.evidence->status) : "no entry"; }

std::string source_ids(const KeyInForce& k, const char* separator) {
    std::string out;
    if (k.evidence)
        for (const auto& id : k.evidence->sources) out += (out.empty() ? "" : separator) + id;
    return out;
}

void print_text(const Report& rep, bool notes) {
    const auto& registry = EvidenceRegistry::builtin();
    std::cout << "scenario \"" << rep.name << "\" (" << rep.path << ") relies on "
              << rep.counts[0] + rep.counts[1] + rep.counts[2] << " parameter keys: " << rep.counts[0]
              << " backed by published evidence, " << rep.counts[2] << " calibrated, " << rep.counts[1]
              << " assumptions.\n"
              << (rep.results ? "(a results file holds the resolved scenario, so defaults cannot be told apart)\n\n"
                              : "[default] marks keys the scenario leaves at the program's default.\n\n");
    if (!rep.interventions.empty()) {
        std::cout << "interventions in force (lever keys: value, default, status, sources):\n";
        for (const auto& iv : rep.interventions) {
            std::cout << "    " << iv.type << (iv.name != iv.type && !iv.name.empty() ? " \"" + iv.name + "\"" : "")
                      << " (interventions[" << iv.index << "])\n";
            for (const KeyInForce* k : iv.keys) {
                const std::string ids = source_ids(*k, ", ");
                std::cout << "        " << k->key.substr(k->key.find("].") + 2) << " = " << k->value
                          << " (default " << (k->default_value.empty() ? "none" : k->default_value) << "; "
                          << status_of(*k) << (ids.empty() ? "" : "; " + ids) << ")\n";
            }
        }
        std::cout << "\n";
    }
    std::cout << "sources:\n";
    for (const auto& src : registry.sources()) {
        std::vector<const Use*> evidence, context;
        for (const auto& u : rep.uses)
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
        for (const auto& u : rep.uses)
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
    if (!rep.missing.empty()) {
        std::cout << "\nkeys without an entry in the evidence registry:\n";
        for (const auto& k : rep.missing) std::cout << "    " << k << "\n";
    }
    if (!notes) std::cout << "\n(--notes prints what each source reports and the reasoning behind each assumption)\n";
}

// YAML through the resolved-scenario tree's emitter (yaml-cpp quotes what needs quoting).
ResolvedNode* add_scalar(ResolvedNode& map, const std::string& key, const std::string& value) {
    auto* n = map.child(key, ResolvedNode::Kind::scalar);
    n->scalar = value;
    return n;
}

void add_key(ResolvedNode& list, const KeyInForce& k) {
    auto& m = *list.items.emplace_back(std::make_unique<ResolvedNode>());
    add_scalar(m, "key", k.key);
    if (k.intervention < 0 && !k.entry.empty()) add_scalar(m, "entry", k.entry);
    add_scalar(m, "value", k.value);
    add_scalar(m, "default", k.default_value);
    add_scalar(m, "set", k.set ? "true" : "false");
    add_scalar(m, "status", status_of(k));
    auto* ids = m.child("sources", ResolvedNode::Kind::sequence);
    if (k.evidence)
        for (const auto& id : k.evidence->sources)
            ids->items.emplace_back(new ResolvedNode{ResolvedNode::Kind::scalar, id, {}, {}});
    if (k.evidence && !k.evidence->note.empty()) add_scalar(m, "note", k.evidence->note);
}

void print_yaml(const Report& rep) {
    ResolvedNode root;
    add_scalar(root, "scenario", rep.name);
    add_scalar(root, "file", rep.path);
    add_scalar(root, "defaults_known", rep.results ? "false" : "true");
    auto* counts = root.child("counts", ResolvedNode::Kind::map);
    add_scalar(*counts, "keys", std::to_string(rep.counts[0] + rep.counts[1] + rep.counts[2]));
    add_scalar(*counts, "evidence", std::to_string(rep.counts[0]));
    add_scalar(*counts, "calibrated", std::to_string(rep.counts[2]));
    add_scalar(*counts, "assumptions", std::to_string(rep.counts[1]));
    auto* params = root.child("parameters", ResolvedNode::Kind::sequence);
    for (const auto& k : rep.keys)
        if (k.intervention < 0) add_key(*params, k);
    auto* ivs = root.child("interventions", ResolvedNode::Kind::sequence);
    for (const auto& iv : rep.interventions) {
        auto& m = *ivs->items.emplace_back(std::make_unique<ResolvedNode>());
        add_scalar(m, "index", std::to_string(iv.index));
        add_scalar(m, "type", iv.type);
        add_scalar(m, "name", iv.name);
        auto* keys = m.child("keys", ResolvedNode::Kind::sequence);
        for (const KeyInForce* k : iv.keys) add_key(*keys, *k);
    }
    auto* sources = root.child("sources", ResolvedNode::Kind::sequence);
    std::set<std::string> cited;
    for (const auto& u : rep.uses) cited.insert(u.entry->sources.begin(), u.entry->sources.end());
    for (const auto& src : EvidenceRegistry::builtin().sources()) {
        if (!cited.count(src.id)) continue;
        auto& m = *sources->items.emplace_back(std::make_unique<ResolvedNode>());
        add_scalar(m, "id", src.id);
        add_scalar(m, "citation", src.citation);
        add_scalar(m, "year", src.year);
        add_scalar(m, "secondary", src.secondary ? "true" : "false");
        add_scalar(m, "figures", src.figures);
    }
    auto* missing = root.child("unregistered", ResolvedNode::Kind::sequence);
    for (const auto& k : rep.missing) missing->items.emplace_back(new ResolvedNode{ResolvedNode::Kind::scalar, k, {}, {}});
    std::cout << root.to_yaml();
}

// RFC 4180 quoting: a field with a comma, quote or line break goes in quotes, quotes doubled. A few
// lines, so written here rather than adding a CSV library for output only.
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

void print_csv(const Report& rep) {
    std::cout << "key,entry,intervention,value,default,set,status,sources,note\n";
    for (const auto& k : rep.keys)
        std::cout << csv_field(k.key) << ',' << csv_field(k.entry) << ','
                  << (k.intervention < 0 ? std::string() : std::to_string(k.intervention)) << ',' << csv_field(k.value)
                  << ',' << csv_field(k.default_value) << ',' << (k.set ? "true" : "false") << ',' << status_of(k) << ','
                  << csv_field(source_ids(k, ";")) << ',' << csv_field(k.evidence ? k.evidence->note : "") << '\n';
}

}  // namespace

int print_sources(const std::string& path, bool notes, const std::string& format) {
    // Before anything opens it: a FIFO would block, a device would be read without end.
    if (const std::string problem = regular_file_problem(path); !problem.empty()) {
        std::cerr << "supplysim: " << path << ": file " << problem << "\n";
        return exit_bad_input;
    }
    try {
        const Report rep = gather(path);
        if (format == "yaml") print_yaml(rep);
        else if (format == "csv") print_csv(rep);
        else print_text(rep, notes);
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
        "notes", "also print what each source reports and the reasoning behind each assumption")(
        "format", po::value<std::string>()->default_value("text"),
        "text, yaml or csv (yaml and csv list every key in force with its value, default, status, sources and note)");
    po::positional_options_description pos;
    pos.add("file", 1);
    po::variables_map vm;
    if (auto code = parse_options(args, opts, pos, vm,
                                  "usage: supplysim sources <scenario.yaml|file.h5> [--notes] [--format text|yaml|csv]"))
        return *code;
    const auto format = vm["format"].as<std::string>();
    if (format != "text" && format != "yaml" && format != "csv") {
        std::cerr << "supplysim: --format must be text, yaml or csv, got \"" << format << "\"\n";
        return exit_bad_input;
    }
    return print_sources(vm["file"].as<std::string>(), vm.count("notes") > 0, format);
}

}  // namespace supplysim::cli
