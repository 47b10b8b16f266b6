#pragma once
// A YAML document as a plain tree that remembers, for every value, the file, line and column it came
// from, so errors can point at the right place even after `extends:` files are merged.
#include <string>
#include <utility>
#include <vector>

#include "supplysim/input/input_error.hpp"

namespace supplysim {

struct ConfigNode {
    enum class Kind { null, scalar, sequence, map };
    Kind kind = Kind::null;
    std::string scalar;
    std::vector<std::pair<std::string, ConfigNode>> entries;  // map entries, in file order
    std::vector<ConfigNode> items;                            // sequence items
    SourceMark mark;
    SourceMark key_mark;  // where this node's key is written, for map values

    // Declared here and defaulted below the class: clang with libstdc++ cannot instantiate
    // std::pair<std::string, ConfigNode> while ConfigNode is still incomplete.
    ConfigNode();
    ConfigNode(const ConfigNode&);
    ConfigNode(ConfigNode&&) noexcept;
    ConfigNode& operator=(const ConfigNode&);
    ConfigNode& operator=(ConfigNode&&) noexcept;
    ~ConfigNode();

    const ConfigNode* find(const std::string& key) const;
    ConfigNode* find(const std::string& key);
};
inline ConfigNode::ConfigNode() = default;
inline ConfigNode::ConfigNode(const ConfigNode&) = default;
inline ConfigNode::ConfigNode(ConfigNode&&) noexcept = default;
inline ConfigNode& ConfigNode::operator=(const ConfigNode&) = default;
inline ConfigNode& ConfigNode::operator=(ConfigNode&&) noexcept = default;
inline ConfigNode::~ConfigNode() = default;

// The text of a configuration file (scenario, sweep or calibration). Throws InputError when it cannot
// be read or is larger than 64 MiB.
std::string read_config_text(const std::string& path);

// Parses one YAML file (no `extends:` handling). Throws InputError for unreadable, empty, non-UTF-8
// or malformed files, duplicate keys and documents that are too large.
ConfigNode parse_config_file(const std::string& path);
ConfigNode parse_config_text(const std::string& text, const std::string& name);

// Parses a file and resolves `extends:` (relative to the file's folder) recursively, deep-merging
// each file over the one it extends. Lists of maps with a `name` are merged by name; other lists
// are replaced. Cycles and missing files are errors.
ConfigNode load_config(const std::string& path);

void deep_merge(ConfigNode& base, const ConfigNode& overlay);

// A list whose entries are all maps with a `name`: merged by name by deep_merge, and addressed by name
// in key paths (set_key_path).
bool is_named_list(const ConfigNode& list);

// The tree as YAML text (block style), for writing the resolved scenario into outputs.
std::string to_yaml(const ConfigNode& node);

}  // namespace supplysim
