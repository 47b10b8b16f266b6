// The lever registries: every intervention type the input layer registers is shown in the scenario
// reference's example, and every lever struct of the model is read by some registered type.
#include "lever_support.hpp"

#include <set>
#include <variant>

#include "supplysim/input/levers/registry.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

namespace {
const Scenario& reference_example() {
    static const Scenario s = load_scenario(source_path("scenarios/reference_example.yaml"));
    return s;
}
}  // namespace

TEST_CASE("interventions: every registered type has an example in scenarios/reference_example.yaml", "[levers][registry]") {
    std::set<std::string> shown;
    for (const auto& iv : reference_example().interventions) shown.insert(iv.type);
    REQUIRE(!lever_types().empty());
    for (const auto& t : lever_types()) {
        INFO("lever type \"" << t.type << "\" is registered but scenarios/reference_example.yaml has no example of it; add one "
             "(docs/scenario-reference.md, generated from that file, documents only the keys it reads)");
        CHECK(shown.count(t.type) == 1);
    }
}

TEST_CASE("interventions: every lever struct is read by a registered type", "[levers][registry]") {
    std::set<std::size_t> read;
    for (const auto& iv : reference_example().interventions) read.insert(iv.lever.index());
    for (std::size_t i = 0; i < std::variant_size_v<Lever>; ++i) {
        INFO("alternative " << i << " of supplysim::Lever is read by no intervention of scenarios/reference_example.yaml");
        CHECK(read.count(i) == 1);
    }
}

TEST_CASE("interventions: registered type names are unique", "[levers][registry]") {
    std::set<std::string> names;
    for (const auto& t : lever_types()) {
        INFO(t.type);
        CHECK(names.insert(t.type).second);
        CHECK(t.read != nullptr);
        CHECK(!t.summary.empty());
    }
}
