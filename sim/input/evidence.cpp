#include "supplysim/input/evidence.hpp"

#include <yaml-cpp/yaml.h>

#include <set>
#include <stdexcept>

namespace supplysim {

namespace detail {
extern const char* const evidence_yaml_text;  // generated from sim/input/evidence/evidence.yaml
}

namespace {

std::vector<std::string> split_dots(const std::string& s) {
    std::vector<std::string> out(1);
    for (char ch : s) {
        if (ch == '.') out.emplace_back();
        else out.back() += ch;
    }
    return out;
}

std::string text_of(const YAML::Node& n, const char* key) {
    const auto v = n[key];
    return v && v.IsScalar() ? v.Scalar() : std::string();
}

}  // namespace

const char* status_name(EvidenceStatus s) {
    switch (s) {
        case EvidenceStatus::evidence: return "evidence";
        case EvidenceStatus::assumption: return "assumption";
        case EvidenceStatus::calibrated: return "calibrated";
    }
    return "assumption";
}

std::string normalise_key_path(const std::string& key_path) {
    std::string out;
    for (std::size_t i = 0; i < key_path.size(); ++i) {
        if (key_path[i] == '[') {
            const auto close = key_path.find(']', i);
            if (close == std::string::npos) return out + key_path.substr(i);
            // A list index stands for any entry; a filter such as `[type=better_work]` names one kind of entry.
            const bool index = key_path.find_first_not_of("0123456789", i + 1) == close;
            out += index ? "[]" : key_path.substr(i, close - i + 1);
            i = close;
        } else {
            out += key_path[i];
        }
    }
    return out;
}

bool key_pattern_matches(const std::string& pattern, const std::string& key_path) {
    const auto p = split_dots(pattern), k = split_dots(normalise_key_path(key_path));
    if (p.size() != k.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (p[i] != "*" && p[i] != k[i]) return false;
    return true;
}

EvidenceRegistry EvidenceRegistry::parse(const std::string& yaml_text) {
    YAML::Node root;
    try {
        root = YAML::Load(yaml_text);
    } catch (const YAML::Exception& e) {
        throw std::runtime_error(std::string("evidence registry: ") + e.what());
    }
    EvidenceRegistry reg;
    std::set<std::string> ids, keys;
    const auto sources = root["sources"];
    if (!sources || !sources.IsSequence()) throw std::runtime_error("evidence registry: missing list `sources`");
    for (const auto& s : sources) {
        EvidenceSource src;
        src.id = text_of(s, "id");
        src.citation = text_of(s, "citation");
        src.year = text_of(s, "year");
        src.figures = text_of(s, "figures");
        src.secondary = s["secondary"] && s["secondary"].as<bool>();
        if (src.id.empty() || src.citation.empty())
            throw std::runtime_error("evidence registry: a source without id or citation");
        if (!ids.insert(src.id).second) throw std::runtime_error("evidence registry: duplicate source id " + src.id);
        reg.sources_.push_back(std::move(src));
    }
    const auto params = root["parameters"];
    if (!params || !params.IsSequence()) throw std::runtime_error("evidence registry: missing list `parameters`");
    for (const auto& p : params) {
        EvidenceEntry e;
        e.key = text_of(p, "key");
        if (e.key.empty()) throw std::runtime_error("evidence registry: an entry without key");
        if (!keys.insert(e.key).second) throw std::runtime_error("evidence registry: duplicate key " + e.key);
        const auto status = text_of(p, "status");
        if (status == "evidence") e.status = EvidenceStatus::evidence;
        else if (status == "assumption") e.status = EvidenceStatus::assumption;
        else if (status == "calibrated") e.status = EvidenceStatus::calibrated;
        else throw std::runtime_error("evidence registry: " + e.key + ": status must be evidence, assumption or calibrated, got \"" + status + "\"");
        if (const auto list = p["sources"]) {
            if (!list.IsSequence()) throw std::runtime_error("evidence registry: " + e.key + ": sources must be a list");
            for (const auto& id : list) {
                if (!ids.count(id.Scalar())) throw std::runtime_error("evidence registry: " + e.key + ": unknown source " + id.Scalar());
                e.sources.push_back(id.Scalar());
            }
        }
        if (e.status != EvidenceStatus::assumption && e.sources.empty())
            throw std::runtime_error("evidence registry: " + e.key + ": status " + status + " needs at least one source");
        e.measures = text_of(p, "measures");
        e.note = text_of(p, "note");
        reg.entries_.push_back(std::move(e));
    }
    return reg;
}

const EvidenceRegistry& EvidenceRegistry::builtin() {
    static const EvidenceRegistry reg = parse(detail::evidence_yaml_text);
    return reg;
}

const EvidenceEntry* EvidenceRegistry::find(const std::string& key_path) const {
    const auto key = normalise_key_path(key_path);
    for (const auto& e : entries_)
        if (e.key == key) return &e;
    for (const auto& e : entries_)
        if (key_pattern_matches(e.key, key)) return &e;
    return nullptr;
}

const EvidenceSource* EvidenceRegistry::source(const std::string& id) const {
    for (const auto& s : sources_)
        if (s.id == id) return &s;
    return nullptr;
}

}  // namespace supplysim
