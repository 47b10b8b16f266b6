#pragma once
// Typed, checked access to one map of a ConfigNode tree. Every read names its key, default, allowed
// range and meaning, so the same calls validate input and document the scenario format: a
// SchemaRecorder collects them into the scenario reference.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/model/calendar.hpp"

namespace supplysim {

struct FieldDoc {
    std::string path;   // e.g. countries[].inspectorate.targeting
    std::string type;
    std::string default_value;
    std::string allowed;
    std::string meaning;
};

class SchemaRecorder {
public:
    void add(FieldDoc doc);
    const std::vector<FieldDoc>& fields() const { return fields_; }
    std::string markdown() const;

private:
    std::vector<FieldDoc> fields_;
    std::set<std::string> seen_;
};

// The scenario as the program used it: every key read, with the value given or its default. Nodes
// live on the heap so readers can hold pointers while siblings are added.
struct ResolvedNode {
    enum class Kind { scalar, sequence, map };
    Kind kind = Kind::map;
    std::string scalar;
    std::vector<std::pair<std::string, std::unique_ptr<ResolvedNode>>> entries;
    std::vector<std::unique_ptr<ResolvedNode>> items;

    ResolvedNode* child(const std::string& key, Kind kind);
    std::string to_yaml() const;
};

// Closest candidate by edit distance, for "did you mean" hints; empty when nothing is close.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

class FieldReader {
public:
    FieldReader(const ConfigNode& node, std::string path, std::string doc_path, SchemaRecorder* recorder,
                ResolvedNode* resolved = nullptr);

    double number(const std::string& key, double fallback, double min, double max, const std::string& meaning);
    double required_number(const std::string& key, double min, double max, const std::string& meaning);
    long long integer(const std::string& key, long long fallback, long long min, long long max, const std::string& meaning);
    bool boolean(const std::string& key, bool fallback, const std::string& meaning);
    std::string text(const std::string& key, const std::string& fallback, const std::string& meaning);
    std::string required_text(const std::string& key, const std::string& meaning);
    std::string choice(const std::string& key, const std::string& fallback, const std::vector<std::string>& allowed,
                       const std::string& meaning);
    YearMonth month(const std::string& key, YearMonth fallback, const std::string& meaning);
    // Optional nested map (an empty one when absent).
    FieldReader map(const std::string& key, const std::string& meaning);
    // A list of maps; each element is read with its own FieldReader.
    std::vector<FieldReader> list(const std::string& key, std::size_t min_items, const std::string& meaning);
    // A list of plain strings.
    std::vector<std::string> strings(const std::string& key, const std::vector<std::string>& fallback,
                                     const std::vector<std::string>& allowed, const std::string& meaning);
    // A list of plain strings, each checked by `problem_with` (what is wrong with the item at an index
    // of the list, "" when nothing is); `allowed` describes what is accepted, for the reference.
    std::vector<std::string> strings(const std::string& key, const std::vector<std::string>& fallback,
                                     const std::string& allowed,
                                     const std::function<std::string(const std::vector<std::string>& items, std::size_t index)>& problem_with,
                                     const std::string& meaning);
    // A list of numbers, each within [min, max]; empty when absent.
    std::vector<double> numbers(const std::string& key, double min, double max, const std::string& meaning);
    // A map from names (e.g. country names) to numbers; names are checked against `names`.
    std::map<std::string, double> named_numbers(const std::string& key, const std::vector<std::string>& names,
                                                double min, double max, const std::string& meaning);

    // Documents the keys read from here on under another path (e.g. per intervention type).
    void set_doc_path(std::string doc_path) { doc_path_ = std::move(doc_path); }

    // Errors for keys nobody read, with a suggestion.
    void reject_unknown_keys() const;

    bool has(const std::string& key) const { return node_->find(key) != nullptr; }
    const std::string& path() const { return path_; }
    std::string field(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
    SourceMark mark_of(const std::string& key) const;
    const SourceMark& mark() const { return node_->mark; }
    [[noreturn]] void fail(const std::string& key, const std::string& problem) const;

private:
    const ConfigNode* get(const std::string& key);
    void record(const std::string& key, const std::string& type, const std::string& def, const std::string& allowed,
                const std::string& meaning) const;

    void put(const std::string& key, const std::string& value) const;
    // Records the value used for `key` in the resolved tree and returns it.
    double keep(const std::string& key, double v) const;
    long long keep(const std::string& key, long long v) const;
    bool keep(const std::string& key, bool v) const;
    std::string keep(const std::string& key, std::string v) const;
    YearMonth keep(const std::string& key, YearMonth v) const;
    std::vector<std::string> keep(const std::string& key, std::vector<std::string> v) const;
    std::vector<double> keep(const std::string& key, std::vector<double> v) const;
    std::map<std::string, double> keep(const std::string& key, std::map<std::string, double> v) const;

    const ConfigNode* node_;
    std::string path_, doc_path_;
    SchemaRecorder* recorder_;
    ResolvedNode* resolved_;
    std::vector<std::string> read_;
    static const ConfigNode empty_;
};

}  // namespace supplysim
