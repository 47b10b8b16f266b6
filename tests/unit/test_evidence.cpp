// The evidence registry (sim/input/evidence/evidence.yaml): it parses, its patterns match, and every numeric
// scenario key that describes the world or behaviour, and every numeric key of every lever, has an entry,
// so a new parameter cannot be added without saying where its default comes from (docs/model/parameters.md is generated from the registry).
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "supplysim/input/evidence.hpp"
#include "supplysim/input/scenario_loader.hpp"

using namespace supplysim;

namespace {

bool describes_the_world(const FieldDoc& f) {
    static const std::set<std::string> numeric = {"number", "integer", "list of numbers", "map of name to number"};
    if (!numeric.count(f.type)) return false;
    for (const char* prefix : {"parameters.", "countries[].", "sectors[].", "tiers[].", "buyers[].", "interventions[type="})
        if (f.path.rfind(prefix, 0) == 0) return true;
    return false;
}

// The baseline with one intervention of every type: every key of the world and of the levers.
std::vector<FieldDoc> reference_fields() {
    const std::string path = std::string(SUPPLYSIM_SOURCE_DIR) + "/scenarios/reference_example.yaml";
    SchemaRecorder recorder;
    resolve_scenario(load_config(path), path, &recorder);
    return recorder.fields();
}

}  // namespace

TEST_CASE("evidence: the built-in registry parses and every source it cites is defined", "[evidence]") {
    const auto& reg = EvidenceRegistry::builtin();
    REQUIRE(!reg.entries().empty());
    REQUIRE(!reg.sources().empty());
    for (const auto& e : reg.entries()) {
        INFO(e.key);
        CHECK(!e.note.empty());
        for (const auto& id : e.sources) CHECK(reg.source(id) != nullptr);
        if (e.status != EvidenceStatus::assumption) CHECK(!e.sources.empty());
    }
}

TEST_CASE("evidence: every numeric scenario key and lever key has an entry", "[evidence]") {
    const auto& reg = EvidenceRegistry::builtin();
    int checked = 0, lever_keys = 0;
    for (const auto& f : reference_fields()) {
        if (!describes_the_world(f)) continue;
        INFO("scenario key " << f.path << " has no entry in sim/input/evidence/evidence.yaml: add one (status "
             "evidence with a source, or assumption with the reason)");
        CHECK(reg.find(f.path) != nullptr);
        ++checked;
        lever_keys += f.path.rfind("interventions[type=", 0) == 0;
    }
    CHECK(checked > 80);
    CHECK(lever_keys > 80);
}

TEST_CASE("evidence: every entry matches a scenario key (no stale entries)", "[evidence]") {
    const auto fields = reference_fields();
    for (const auto& e : EvidenceRegistry::builtin().entries()) {
        bool used = false;
        for (const auto& f : fields) used = used || key_pattern_matches(e.key, f.path);
        INFO("entry " << e.key << " in sim/input/evidence/evidence.yaml matches no scenario key");
        CHECK(used);
    }
}

TEST_CASE("evidence: key patterns", "[evidence]") {
    CHECK(normalise_key_path("countries[2].inspectorate.reach.tiers") == "countries[].inspectorate.reach.tiers");
    CHECK(key_pattern_matches("countries[].law_strength.*", "countries[].law_strength.osh"));
    CHECK(key_pattern_matches("countries[].law_strength.*", "countries[0].law_strength.wages"));
    CHECK_FALSE(key_pattern_matches("countries[].law_strength.*", "countries[].law_strength"));
    CHECK_FALSE(key_pattern_matches("parameters.compliance.review_rate", "parameters.compliance.review"));
    const auto& reg = EvidenceRegistry::builtin();
    REQUIRE(reg.find("countries[1].inspectorate.detection.forced_labour") != nullptr);
    CHECK(reg.find("countries[1].inspectorate.detection.forced_labour")->key == "countries[].inspectorate.detection.*");
    CHECK(reg.find("parameters.compliance.no_such_key") == nullptr);
    // A lever key keeps its type filter: the same key of two levers has two entries.
    CHECK(normalise_key_path("interventions[type=better_work].uptake") == "interventions[type=better_work].uptake");
    REQUIRE(reg.find("interventions[type=score].uptake") != nullptr);
    CHECK(reg.find("interventions[type=score].uptake")->key == "interventions[type=score].uptake");
    CHECK(reg.find("interventions[type=inspection].reach.informal")->key == "interventions[type=inspection].reach.*");
    CHECK(reg.find("interventions[type=better_work].no_such_key") == nullptr);
}

TEST_CASE("evidence: malformed registries are refused", "[evidence][sanitizer]") {
    const std::string src = "sources:\n  - {id: a, citation: A, year: 2000}\nparameters:\n";
    CHECK_NOTHROW(EvidenceRegistry::parse(src + "  - {key: x, status: assumption, note: n}\n"));
    CHECK_THROWS(EvidenceRegistry::parse(src + "  - {key: x, status: guess, note: n}\n"));
    CHECK_THROWS(EvidenceRegistry::parse(src + "  - {key: x, status: evidence, note: n}\n"));
    CHECK_THROWS(EvidenceRegistry::parse(src + "  - {key: x, status: assumption, sources: [b], note: n}\n"));
    CHECK_THROWS(EvidenceRegistry::parse(src + "  - {key: x, status: assumption}\n  - {key: x, status: assumption}\n"));
    CHECK_THROWS(EvidenceRegistry::parse("parameters: []\n"));
}
