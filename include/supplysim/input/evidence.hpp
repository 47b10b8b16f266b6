#pragma once
// The evidence behind each scenario parameter: a registry parsed from sim/input/evidence/evidence.yaml, which
// is embedded in the program at build time. Entries are keyed by key-path patterns as written by the
// scenario reference (`countries[].inspectorate.detection.osh`): `[]` stands for any list entry and `*`
// for any one key. The same file generates docs/model/parameters.md (docs/tools/gen_parameters.py).
#include <string>
#include <vector>

namespace supplysim {

enum class EvidenceStatus { evidence, assumption, calibrated };
const char* status_name(EvidenceStatus s);

struct EvidenceSource {
    std::string id;
    std::string citation;
    std::string year;
    std::string figures;     // what the source reports that the model uses
    bool secondary = false;  // seen in a summary, not in the original document
};

struct EvidenceEntry {
    std::string key;                   // key-path pattern
    EvidenceStatus status = EvidenceStatus::assumption;
    std::vector<std::string> sources;  // source ids: the measurement for `evidence`, context otherwise
    std::string measures;              // what the cited figure measures (evidence entries)
    std::string note;                  // the reasoning, and the baseline's values
};

class EvidenceRegistry {
public:
    // Parses the YAML text; throws std::runtime_error naming the problem (unknown status, a source id
    // that is not defined, a duplicate key, an `evidence` entry without a source).
    static EvidenceRegistry parse(const std::string& yaml_text);
    // The registry compiled into the program.
    static const EvidenceRegistry& builtin();

    // The entry for a key path: an exact pattern first, then the first wildcard pattern that matches.
    // Concrete list indices (`countries[2].workers`) are treated as `[]`. Null when none matches.
    const EvidenceEntry* find(const std::string& key_path) const;
    const EvidenceSource* source(const std::string& id) const;

    const std::vector<EvidenceEntry>& entries() const { return entries_; }
    const std::vector<EvidenceSource>& sources() const { return sources_; }

private:
    std::vector<EvidenceEntry> entries_;
    std::vector<EvidenceSource> sources_;
};

// Whether a key path matches a pattern: components separated by dots, `*` matches any one component,
// and `[N]` in the path matches `[]` in the pattern.
bool key_pattern_matches(const std::string& pattern, const std::string& key_path);
// `countries[3].inspectorate.reach` -> `countries[].inspectorate.reach`; a filter such as
// `interventions[type=better_work]` is kept.
std::string normalise_key_path(const std::string& key_path);

}  // namespace supplysim
