#include "supplysim/input/config_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>

#include "supplysim/input/file_check.hpp"
#include "supplysim/input/input_file.hpp"

namespace supplysim {

namespace {

constexpr std::size_t max_nodes = 100'000;  // guards against alias bombs (a scenario has a few thousand)
constexpr int max_depth = 64;

// First byte offset where `text` is not valid UTF-8, or npos.
std::size_t invalid_utf8_at(const std::string& text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        if (extra < 0 || i + extra >= text.size() + (extra == 0 ? 1 : 0)) return i;
        for (int k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return i;
        i += std::size_t(extra) + 1;
    }
    return std::string::npos;
}

SourceMark mark_of(const YAML::Mark& m, const std::string& file) { return {file, m.line + 1, m.column + 1}; }

// yaml-cpp 0.7 accepts a quoted scalar left open at the end of the file and swallows the rest of the
// file into it; reject that instead of reporting a confusing missing key further on.
void check_quote_closed(const std::string& text, const YAML::Mark& m, const std::string& file) {
    if (m.pos < 0 || std::size_t(m.pos) >= text.size()) return;
    const char q = text[std::size_t(m.pos)];
    if (q != '"' && q != '\'') return;
    for (std::size_t i = std::size_t(m.pos) + 1; i < text.size(); ++i) {
        if (q == '"' && text[i] == '\\') ++i;
        else if (text[i] == q) {
            if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') ++i;
            else return;
        }
    }
    throw InputError(mark_of(m, file), "", std::string("YAML syntax error: quoted text not closed (missing ") + q + ")");
}

struct Converter {
    std::string file;
    const std::string* text = nullptr;
    std::size_t nodes = 0;

    ConfigNode convert(const YAML::Node& n, int depth) {
        if (++nodes > max_nodes) throw InputError({file, 0, 0}, "", "document too large (more than 100,000 values once aliases are expanded)");
        if (depth > max_depth) throw InputError(mark_of(n.Mark(), file), "", "document nested too deeply (more than 64 levels)");
        ConfigNode out;
        out.mark = mark_of(n.Mark(), file);
        switch (n.Type()) {
            case YAML::NodeType::Scalar:
                out.kind = ConfigNode::Kind::scalar;
                out.scalar = n.Scalar();
                if (text && n.Tag() == "!") check_quote_closed(*text, n.Mark(), file);
                break;
            case YAML::NodeType::Sequence:
                out.kind = ConfigNode::Kind::sequence;
                for (const auto& item : n) out.items.push_back(convert(item, depth + 1));
                break;
            case YAML::NodeType::Map:
                out.kind = ConfigNode::Kind::map;
                for (const auto& kv : n) {
                    if (!kv.first.IsScalar())
                        throw InputError(mark_of(kv.first.Mark(), file), "", "map keys must be plain names");
                    const std::string key = kv.first.Scalar();
                    if (out.find(key))
                        throw InputError(mark_of(kv.first.Mark(), file), key, "duplicate key (already given above)");
                    auto value = convert(kv.second, depth + 1);
                    value.key_mark = mark_of(kv.first.Mark(), file);
                    if (value.kind == ConfigNode::Kind::null) value.mark = value.key_mark;
                    out.entries.emplace_back(key, std::move(value));
                }
                break;
            default:
                out.kind = ConfigNode::Kind::null;
        }
        return out;
    }
};

}  // namespace

bool is_named_list(const ConfigNode& seq) {
    if (seq.items.empty()) return false;
    return std::all_of(seq.items.begin(), seq.items.end(), [](const ConfigNode& n) {
        const auto* name = n.find("name");
        return n.kind == ConfigNode::Kind::map && name && name->kind == ConfigNode::Kind::scalar;
    });
}

namespace {

ConfigNode load_recursive(const std::filesystem::path& path, std::vector<std::string>& chain, const SourceMark& from) {
    const std::string canonical = canonical_or_normal(path.string());
    if (std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
        std::string cycle;
        for (const auto& c : chain) cycle += c + " -> ";
        throw InputError(from, "extends", "cycle of extends: " + cycle + canonical);
    }
    if (const std::string problem = file_problem(path.string()); !problem.empty())
        throw InputError(from, "extends", "file " + problem + ": " + path.string());
    std::string text;
    try {
        text = read_input_file(path.string());
    } catch (const InputFileProblem& e) {
        if (from.line == 0) throw InputError(from, "", std::string("file ") + e.what());
        throw InputError(from, "extends", std::string("file ") + e.what() + ": " + path.string());
    }
    chain.push_back(canonical);
    ConfigNode node = parse_config_text(text, path.string());
    if (const ConfigNode* ext = node.find("extends")) {
        if (ext->kind != ConfigNode::Kind::scalar || ext->scalar.empty())
            throw InputError(ext->mark, "extends", "expected the path of a scenario file");
        auto base_path = path.parent_path() / ext->scalar;
        ConfigNode base = load_recursive(base_path, chain, ext->mark);
        node.entries.erase(std::remove_if(node.entries.begin(), node.entries.end(),
                                          [](auto& e) { return e.first == "extends"; }),
                           node.entries.end());
        deep_merge(base, node);
        node = std::move(base);
    }
    chain.pop_back();
    return node;
}

void emit(const ConfigNode& n, YAML::Emitter& out) {
    switch (n.kind) {
        case ConfigNode::Kind::null: out << YAML::Null; break;
        case ConfigNode::Kind::scalar: out << n.scalar; break;
        case ConfigNode::Kind::sequence:
            out << YAML::BeginSeq;
            for (const auto& i : n.items) emit(i, out);
            out << YAML::EndSeq;
            break;
        case ConfigNode::Kind::map:
            out << YAML::BeginMap;
            for (const auto& [k, v] : n.entries) {
                out << YAML::Key << k << YAML::Value;
                emit(v, out);
            }
            out << YAML::EndMap;
            break;
    }
}

}  // namespace

const ConfigNode* ConfigNode::find(const std::string& key) const {
    for (const auto& [k, v] : entries)
        if (k == key) return &v;
    return nullptr;
}
ConfigNode* ConfigNode::find(const std::string& key) {
    for (auto& [k, v] : entries)
        if (k == key) return &v;
    return nullptr;
}

namespace {

// Where the first non-empty document after the first one starts, if any. Not YAML::LoadAll: on a
// stray flow token at the top level (",a: x") yaml-cpp's parser reports a new empty document forever
// without consuming the token, and LoadAll collects them until memory runs out. Documents are counted
// by events instead, with a bound.
class DocumentContent : public YAML::EventHandler {
public:
    std::optional<YAML::Mark> first;
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { note(m); }
    void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string&) override { note(m); }
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { note(m); }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { note(m); }
    void OnMapEnd() override {}

private:
    void note(const YAML::Mark& m) {
        if (!first) first = m;
    }
};

std::optional<YAML::Mark> second_document_content(const std::string& text) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentContent skip;
    if (!parser.HandleNextDocument(skip)) return std::nullopt;
    constexpr int max_empty_documents = 1000;  // more empty documents than any file holds
    for (int i = 0; i < max_empty_documents; ++i) {
        DocumentContent next;
        if (!parser.HandleNextDocument(next)) return std::nullopt;
        if (next.first) return next.first;
    }
    return std::nullopt;
}

}  // namespace

ConfigNode parse_config_text(const std::string& text, const std::string& name) {
    if (const auto bad = invalid_utf8_at(text); bad != std::string::npos) {
        const int line = 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(bad), '\n'));
        const auto line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
        const int col = int(bad - (line_start == std::string::npos ? 0 : line_start + 1)) + 1;
        throw InputError({name, line, col}, "", "the file is not valid UTF-8 text");
    }
    YAML::Node root;
    try {
        root = YAML::Load(text);  // the first document
        if (const auto second = second_document_content(text))
            throw InputError(mark_of(*second, name), "",
                             "a second YAML document (after `---`): a file holds one document; remove the `---` line or "
                             "split the file");
    } catch (const YAML::Exception& e) {
        throw InputError(mark_of(e.mark, name), "", "YAML syntax error: " + e.msg);
    }
    if (!root || root.IsNull()) throw InputError({name, 1, 1}, "", "the file is empty; expected a scenario (a YAML map)");
    Converter conv{name, &text};
    ConfigNode node = conv.convert(root, 0);
    if (node.kind != ConfigNode::Kind::map)
        throw InputError(node.mark, "", "expected a YAML map of settings at the top level");
    return node;
}

// Every input file is read through the same checks (regular file, size cap, readable: input_file.hpp).
std::string read_config_text(const std::string& path) {
    try {
        return read_input_file(path);
    } catch (const InputFileProblem& e) {
        throw InputError({path, 0, 0}, "", std::string("file ") + e.what());
    }
}

ConfigNode parse_config_file(const std::string& path) { return parse_config_text(read_config_text(path), path); }

ConfigNode load_config(const std::string& path) {
    std::vector<std::string> chain;
    if (const std::string problem = file_problem(path); !problem.empty())
        throw InputError({path, 0, 0}, "", "file " + problem);
    return load_recursive(path, chain, {path, 0, 0});
}

void deep_merge(ConfigNode& base, const ConfigNode& overlay) {
    if (base.kind == ConfigNode::Kind::map && overlay.kind == ConfigNode::Kind::map) {
        for (const auto& [k, v] : overlay.entries) {
            if (ConfigNode* existing = base.find(k)) deep_merge(*existing, v);
            else base.entries.emplace_back(k, v);
        }
        return;
    }
    if (base.kind == ConfigNode::Kind::sequence && overlay.kind == ConfigNode::Kind::sequence && is_named_list(base) &&
        is_named_list(overlay)) {
        for (const auto& item : overlay.items) {
            const std::string& name = item.find("name")->scalar;
            auto it = std::find_if(base.items.begin(), base.items.end(),
                                   [&](const ConfigNode& b) { return b.find("name")->scalar == name; });
            if (it != base.items.end()) deep_merge(*it, item);
            else base.items.push_back(item);
        }
        return;
    }
    const SourceMark key_mark = base.key_mark;
    base = overlay;
    if (overlay.key_mark.line == 0) base.key_mark = key_mark;
}

std::string to_yaml(const ConfigNode& node) {
    YAML::Emitter out;
    emit(node, out);
    return std::string(out.c_str()) + "\n";
}

}  // namespace supplysim
