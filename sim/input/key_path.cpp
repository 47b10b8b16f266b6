#include "supplysim/input/key_path.hpp"

#include <algorithm>
#include <charconv>
#include <sstream>
#include <vector>

#include "supplysim/input/field_reader.hpp"

namespace supplysim {

void set_key_path(ConfigNode& tree, const std::string& path, const std::string& value, const SourceMark& mark) {
    std::vector<std::string> parts;
    std::stringstream ss(path);
    for (std::string part; std::getline(ss, part, '.');) parts.push_back(part);
    if (parts.empty() || std::any_of(parts.begin(), parts.end(), [](auto& p) { return p.empty(); }))
        throw InputError(mark, path, "not a key path (names separated by single dots)");
    ConfigNode* node = &tree;
    std::string walked;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string& key = parts[i];
        const bool last = i + 1 == parts.size();
        walked += (walked.empty() ? "" : ".") + key;
        if (node->kind == ConfigNode::Kind::null) node->kind = ConfigNode::Kind::map;
        if (node->kind == ConfigNode::Kind::map) {
            ConfigNode* child = node->find(key);
            if (!child) {
                ConfigNode fresh;
                fresh.kind = ConfigNode::Kind::map;  // the scenario schema decides whether the key exists
                fresh.mark = fresh.key_mark = mark;
                node->entries.emplace_back(key, std::move(fresh));
                child = &node->entries.back().second;
            }
            node = child;
        } else if (node->kind == ConfigNode::Kind::sequence) {
            ConfigNode* child = nullptr;
            if (is_named_list(*node)) {
                std::vector<std::string> names;
                for (auto& item : node->items) {
                    names.push_back(item.find("name")->scalar);
                    if (names.back() == key) child = &item;
                }
                if (!child) {
                    const auto hint = closest_match(key, names);
                    std::string list;
                    for (auto& n : names) list += (list.empty() ? "" : ", ") + n;
                    throw InputError(mark, path, "no entry named \"" + key + "\" in " + walked.substr(0, walked.size() - key.size() - 1) +
                                                     " (it has: " + list + ")" + (hint.empty() ? "" : "; did you mean \"" + hint + "\"?"));
                }
            } else {
                std::size_t idx = 0;
                auto [ptr, ec] = std::from_chars(key.data(), key.data() + key.size(), idx);
                if (ec != std::errc{} || ptr != key.data() + key.size() || idx >= node->items.size())
                    throw InputError(mark, path, "\"" + key + "\" is not a position in this list of " + std::to_string(node->items.size()) +
                                                     " (0 to " + std::to_string(node->items.size()) + " - 1)");
                child = &node->items[idx];
            }
            node = child;
        } else {
            throw InputError(mark, path, "\"" + walked.substr(0, walked.size() - key.size() - (i ? 1 : 0)) + "\" is a single value; it has no key \"" + key + "\"");
        }
        if (last) {
            if (node->kind == ConfigNode::Kind::sequence || (node->kind == ConfigNode::Kind::map && !node->entries.empty()))
                throw InputError(mark, path, "is a " + std::string(node->kind == ConfigNode::Kind::map ? "map" : "list") +
                                                 " in the scenario; a sweep can only vary single values (give a longer path)");
            node->kind = ConfigNode::Kind::scalar;
            node->scalar = value;
            node->mark = mark;
            node->entries.clear();
        }
    }
}

}  // namespace supplysim
