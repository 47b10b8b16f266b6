#include "supplysim/input/field_reader.hpp"

#include "supplysim/input/number_text.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

namespace supplysim {

const ConfigNode FieldReader::empty_ = [] {
    ConfigNode n;
    n.kind = ConfigNode::Kind::map;
    return n;
}();

namespace {

std::string range_text(double min, double max) { return "from " + number_text(min) + " to " + number_text(max); }

std::string kind_name(const ConfigNode& n) {
    switch (n.kind) {
        case ConfigNode::Kind::null: return "nothing";
        case ConfigNode::Kind::scalar: return "\"" + n.scalar + "\"";
        case ConfigNode::Kind::sequence: return "a list";
        case ConfigNode::Kind::map: return "a map";
    }
    return "?";
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

}  // namespace

void SchemaRecorder::add(FieldDoc doc) {
    if (seen_.insert(doc.path).second) fields_.push_back(std::move(doc));
}

std::string SchemaRecorder::markdown() const {
    std::ostringstream out;
    out << "| key | type | default | allowed | meaning |\n|---|---|---|---|---|\n";
    for (const auto& f : fields_)
        out << "| `" << f.path << "` | " << f.type << " | " << (f.default_value.empty() ? "" : "`" + f.default_value + "`")
            << " | " << f.allowed << " | " << f.meaning << " |\n";
    return out.str();
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        const auto d = edit_distance(word, c);
        if (d < best_d) best_d = d, best = c;
    }
    return best;
}

ResolvedNode* ResolvedNode::child(const std::string& key, Kind k) {
    for (auto& [name, node] : entries)
        if (name == key) return node.get();
    entries.emplace_back(key, std::make_unique<ResolvedNode>());
    entries.back().second->kind = k;
    return entries.back().second.get();
}

namespace {
void emit(const ResolvedNode& n, YAML::Emitter& out) {
    switch (n.kind) {
        case ResolvedNode::Kind::scalar: out << n.scalar; break;
        case ResolvedNode::Kind::sequence:
            out << YAML::BeginSeq;
            for (const auto& i : n.items) emit(*i, out);
            out << YAML::EndSeq;
            break;
        case ResolvedNode::Kind::map:
            out << YAML::BeginMap;
            for (const auto& [k, v] : n.entries) out << YAML::Key << k << YAML::Value, emit(*v, out);
            out << YAML::EndMap;
            break;
    }
}
}  // namespace

std::string ResolvedNode::to_yaml() const {
    YAML::Emitter out;
    emit(*this, out);
    return std::string(out.c_str()) + "\n";
}

FieldReader::FieldReader(const ConfigNode& node, std::string path, std::string doc_path, SchemaRecorder* recorder,
                         ResolvedNode* resolved)
    : node_(&node), path_(std::move(path)), doc_path_(std::move(doc_path)), recorder_(recorder), resolved_(resolved) {}

void FieldReader::put(const std::string& key, const std::string& value) const {
    if (!resolved_) return;
    resolved_->child(key, ResolvedNode::Kind::scalar)->scalar = value;
}

double FieldReader::keep(const std::string& key, double v) const { return put(key, number_text(v)), v; }
long long FieldReader::keep(const std::string& key, long long v) const { return put(key, std::to_string(v)), v; }
bool FieldReader::keep(const std::string& key, bool v) const { return put(key, v ? "true" : "false"), v; }
std::string FieldReader::keep(const std::string& key, std::string v) const { return put(key, v), v; }
YearMonth FieldReader::keep(const std::string& key, YearMonth v) const { return put(key, v.str()), v; }
std::vector<std::string> FieldReader::keep(const std::string& key, std::vector<std::string> v) const {
    if (resolved_) {
        auto* seq = resolved_->child(key, ResolvedNode::Kind::sequence);
        seq->items.clear();
        for (const auto& x : v) seq->items.emplace_back(new ResolvedNode{ResolvedNode::Kind::scalar, x, {}, {}});
    }
    return v;
}
std::vector<double> FieldReader::keep(const std::string& key, std::vector<double> v) const {
    std::vector<std::string> text;
    for (double x : v) text.push_back(number_text(x));
    keep(key, text);
    return v;
}
std::map<std::string, double> FieldReader::keep(const std::string& key, std::map<std::string, double> v) const {
    if (resolved_) {
        auto* m = resolved_->child(key, ResolvedNode::Kind::map);
        for (const auto& [name, x] : v) m->child(name, ResolvedNode::Kind::scalar)->scalar = number_text(x);
    }
    return v;
}

SourceMark FieldReader::mark_of(const std::string& key) const {
    if (const auto* n = node_->find(key)) return n->mark;
    return node_->mark;
}

void FieldReader::fail(const std::string& key, const std::string& problem) const {
    throw InputError(mark_of(key), field(key), problem);
}

const ConfigNode* FieldReader::get(const std::string& key) {
    read_.push_back(key);
    const ConfigNode* n = node_->find(key);
    // A key written without a value (`key:`, `~`, `null`) is refused rather than read as "absent":
    // it would turn a required number into 0, and in a file that `extends:` another it would
    // silently put the default back over the extended file's value.
    if (n && n->kind == ConfigNode::Kind::null)
        fail(key, "no value given (null); write a value, or delete the key to use the default or the value of the "
                  "file it extends");
    return n;
}

void FieldReader::record(const std::string& key, const std::string& type, const std::string& def,
                         const std::string& allowed, const std::string& meaning) const {
    if (recorder_) recorder_->add({doc_path_.empty() ? key : doc_path_ + "." + key, type, def, allowed, meaning});
}

double FieldReader::number(const std::string& key, double fallback, double min, double max, const std::string& meaning) {
    record(key, "number", number_text(fallback), range_text(min, max), meaning);
    const ConfigNode* n = get(key);
    if (!n) return keep(key, fallback);
    if (n->kind != ConfigNode::Kind::scalar) fail(key, "expected a number " + range_text(min, max) + ", got " + kind_name(*n));
    auto v = parse_number(n->scalar);
    if (!v) fail(key, "expected a number " + range_text(min, max) + ", got \"" + n->scalar + "\"");
    if (*v < min || *v > max) fail(key, "value " + n->scalar + " is out of range: expected " + range_text(min, max));
    return keep(key, *v);
}

double FieldReader::required_number(const std::string& key, double min, double max, const std::string& meaning) {
    record(key, "number", "(required)", range_text(min, max), meaning);
    if (!node_->find(key)) throw InputError(node_->mark, field(key), "missing required key; expected a number " + range_text(min, max));
    return number(key, 0, min, max, meaning);
}

long long FieldReader::integer(const std::string& key, long long fallback, long long min, long long max,
                               const std::string& meaning) {
    record(key, "integer", std::to_string(fallback), "from " + std::to_string(min) + " to " + std::to_string(max), meaning);
    const ConfigNode* n = get(key);
    if (!n) return keep(key, fallback);
    const std::string expected = "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    if (n->kind != ConfigNode::Kind::scalar) fail(key, expected + ", got " + kind_name(*n));
    long long v = 0;
    const auto& t = n->scalar;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec == std::errc::result_out_of_range) fail(key, "value " + t + " is out of range: " + expected);
    if (ec != std::errc{} || ptr != t.data() + t.size()) fail(key, expected + ", got \"" + t + "\"");
    if (v < min || v > max) fail(key, "value " + t + " is out of range: " + expected);
    return keep(key, v);
}

bool FieldReader::boolean(const std::string& key, bool fallback, const std::string& meaning) {
    record(key, "boolean", fallback ? "true" : "false", "true or false", meaning);
    const ConfigNode* n = get(key);
    if (!n) return keep(key, fallback);
    if (n->kind == ConfigNode::Kind::scalar && (n->scalar == "true" || n->scalar == "false")) return keep(key, n->scalar == "true");
    fail(key, "expected true or false, got " + kind_name(*n));
}

std::string FieldReader::text(const std::string& key, const std::string& fallback, const std::string& meaning) {
    record(key, "text", fallback, "", meaning);
    const ConfigNode* n = get(key);
    if (!n) return keep(key, fallback);
    if (n->kind != ConfigNode::Kind::scalar) fail(key, "expected text, got " + kind_name(*n));
    return keep(key, n->scalar);
}

std::string FieldReader::required_text(const std::string& key, const std::string& meaning) {
    record(key, "text", "(required)", "", meaning);
    const ConfigNode* n = get(key);
    if (!n) throw InputError(node_->mark, field(key), "missing required key; expected text");
    if (n->kind != ConfigNode::Kind::scalar || n->scalar.empty()) fail(key, "expected non-empty text, got " + kind_name(*n));
    return keep(key, n->scalar);
}

std::string FieldReader::choice(const std::string& key, const std::string& fallback,
                                const std::vector<std::string>& allowed, const std::string& meaning) {
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    record(key, "choice", fallback, list, meaning);
    const ConfigNode* n = get(key);
    if (!n) return keep(key, fallback);
    if (n->kind != ConfigNode::Kind::scalar) fail(key, "expected one of " + list + ", got " + kind_name(*n));
    if (std::find(allowed.begin(), allowed.end(), n->scalar) == allowed.end()) {
        const auto hint = closest_match(n->scalar, allowed);
        fail(key, "unknown value \"" + n->scalar + "\"; expected one of " + list +
                      (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)"));
    }
    return keep(key, n->scalar);
}

YearMonth FieldReader::month(const std::string& key, YearMonth fallback, const std::string& meaning) {
    record(key, "month", fallback.str(), "YYYY-MM", meaning);
    const ConfigNode* n = get(key);
    if (!n) return keep(key, fallback);
    if (n->kind == ConfigNode::Kind::scalar) {
        if (auto ym = parse_year_month(n->scalar)) return keep(key, *ym);
        const auto& t = n->scalar;
        if (t.size() == 7 && t[4] == '-' &&
            std::all_of(t.begin(), t.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); }))
            fail(key, "month " + t + " is out of range: expected a month from 1900-01 to 2200-12");
    }
    fail(key, "expected a month as YYYY-MM (e.g. 2017-01), got " + kind_name(*n));
}

FieldReader FieldReader::map(const std::string& key, const std::string& meaning) {
    record(key, "map", "", "", meaning);
    const ConfigNode* n = get(key);
    ResolvedNode* child = resolved_ ? resolved_->child(key, ResolvedNode::Kind::map) : nullptr;
    if (!n) return FieldReader(empty_, field(key), doc_path_.empty() ? key : doc_path_ + "." + key, recorder_, child);
    if (n->kind != ConfigNode::Kind::map) fail(key, "expected a map of settings, got " + kind_name(*n));
    return FieldReader(*n, field(key), doc_path_.empty() ? key : doc_path_ + "." + key, recorder_, child);
}

std::vector<FieldReader> FieldReader::list(const std::string& key, std::size_t min_items, const std::string& meaning) {
    record(key, "list", "", min_items ? "at least " + std::to_string(min_items) + " entries" : "", meaning);
    const ConfigNode* n = get(key);
    std::vector<FieldReader> out;
    if (!n) {
        if (min_items) throw InputError(node_->mark, field(key), "missing required key; expected a list of at least " + std::to_string(min_items) + " entries");
        return out;
    }
    if (n->kind != ConfigNode::Kind::sequence) fail(key, "expected a list, got " + kind_name(*n));
    if (n->items.size() < min_items) fail(key, "expected at least " + std::to_string(min_items) + " entries, got " + std::to_string(n->items.size()));
    ResolvedNode* seq = resolved_ ? resolved_->child(key, ResolvedNode::Kind::sequence) : nullptr;
    for (std::size_t i = 0; i < n->items.size(); ++i) {
        ResolvedNode* element = nullptr;
        if (seq) element = seq->items.emplace_back(std::make_unique<ResolvedNode>()).get();
        const auto& item = n->items[i];
        const std::string p = field(key) + "[" + std::to_string(i) + "]";
        if (item.kind != ConfigNode::Kind::map) throw InputError(item.mark, p, "expected a map of settings, got " + kind_name(item));
        out.emplace_back(item, p, (doc_path_.empty() ? key : doc_path_ + "." + key) + "[]", recorder_, element);
    }
    return out;
}

std::vector<std::string> FieldReader::strings(const std::string& key, const std::vector<std::string>& fallback,
                                              const std::vector<std::string>& allowed, const std::string& meaning) {
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    auto unknown = [&](const std::vector<std::string>& items, std::size_t i) -> std::string {
        if (allowed.empty() || std::find(allowed.begin(), allowed.end(), items[i]) != allowed.end()) return "";
        const auto hint = closest_match(items[i], allowed);
        return "unknown value \"" + items[i] + "\"; expected one of " + list +
               (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)");
    };
    return strings(key, fallback, list, unknown, meaning);
}

std::vector<std::string> FieldReader::strings(
    const std::string& key, const std::vector<std::string>& fallback, const std::string& allowed,
    const std::function<std::string(const std::vector<std::string>&, std::size_t)>& problem_with,
    const std::string& meaning) {
    std::string def;
    for (const auto& a : fallback) def += (def.empty() ? "" : ", ") + a;
    record(key, "list of text", "[" + def + "]", allowed, meaning);
    const ConfigNode* n = get(key);
    if (!n) return keep(key, fallback);
    if (n->kind != ConfigNode::Kind::sequence) fail(key, "expected a list of names, got " + kind_name(*n));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n->items.size(); ++i) {
        const auto& item = n->items[i];
        const std::string p = field(key) + "[" + std::to_string(i) + "]";
        if (item.kind != ConfigNode::Kind::scalar) throw InputError(item.mark, p, "expected a name, got " + kind_name(item));
        out.push_back(item.scalar);
        if (const std::string problem = problem_with(out, i); !problem.empty()) throw InputError(item.mark, p, problem);
    }
    return keep(key, out);
}

std::vector<double> FieldReader::numbers(const std::string& key, double min, double max, const std::string& meaning) {
    record(key, "list of numbers", "", range_text(min, max), meaning);
    const ConfigNode* n = get(key);
    std::vector<double> out;
    if (!n) return keep(key, out);
    if (n->kind != ConfigNode::Kind::sequence) fail(key, "expected a list of numbers, got " + kind_name(*n));
    for (std::size_t i = 0; i < n->items.size(); ++i) {
        const auto& item = n->items[i];
        const std::string p = field(key) + "[" + std::to_string(i) + "]";
        std::optional<double> v;
        if (item.kind == ConfigNode::Kind::scalar) v = parse_number(item.scalar);
        if (!v) throw InputError(item.mark, p, "expected a number " + range_text(min, max) + ", got " + kind_name(item));
        if (*v < min || *v > max) throw InputError(item.mark, p, "value " + item.scalar + " is out of range: expected " + range_text(min, max));
        out.push_back(*v);
    }
    return keep(key, out);
}

std::map<std::string, double> FieldReader::named_numbers(const std::string& key, const std::vector<std::string>& names,
                                                         double min, double max, const std::string& meaning) {
    record(key, "map of name to number", "", range_text(min, max), meaning);
    const ConfigNode* n = get(key);
    std::map<std::string, double> out;
    if (!n) return keep(key, out);
    if (n->kind != ConfigNode::Kind::map) fail(key, "expected a map from names to numbers, got " + kind_name(*n));
    for (const auto& [name, value] : n->entries) {
        const std::string p = field(key) + "." + name;
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            const auto hint = closest_match(name, names);
            std::string list;
            for (const auto& a : names) list += (list.empty() ? "" : ", ") + a;
            throw InputError(value.key_mark, p, "\"" + name + "\" is not defined; expected one of " + list +
                                                    (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)"));
        }
        std::optional<double> v;
        if (value.kind == ConfigNode::Kind::scalar) v = parse_number(value.scalar);
        if (!v) throw InputError(value.mark, p, "expected a number " + range_text(min, max) + ", got " + kind_name(value));
        if (*v < min || *v > max)
            throw InputError(value.mark, p, "value " + value.scalar + " is out of range: expected " + range_text(min, max));
        out[name] = *v;
    }
    return keep(key, out);
}

void FieldReader::reject_unknown_keys() const {
    for (const auto& [key, value] : node_->entries) {
        if (std::find(read_.begin(), read_.end(), key) != read_.end()) continue;
        const auto hint = closest_match(key, read_);
        throw InputError(value.key_mark, field(key),
                         "unknown key" + (hint.empty() ? std::string() : "; did you mean \"" + hint + "\"?"));
    }
}

}  // namespace supplysim
