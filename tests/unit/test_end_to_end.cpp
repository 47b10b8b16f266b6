// End to end on the shipped baseline: outcome levels stay in the plausible ranges documented in
// docs/model/odd.md ("Patterns"), and the structural patterns the model is built to show hold.
#include <catch2/catch.hpp>

#include <map>

#include "supplysim/input/scenario_loader.hpp"
#include "supplysim/runs/experiment.hpp"
#include "test_support.hpp"

using namespace supplysim;

namespace {
struct Baseline {
    Scenario scenario = load_scenario(test::source_path("scenarios/baseline.yaml"));
    GroupLayout layout{scenario};
    std::vector<Series> series = run_replicates(scenario, layout, 2);

    int indicator(const std::string& name) const {
        const auto& cat = indicator_catalogue();
        for (std::size_t i = 0; i < cat.size(); ++i) if (cat[i].name == name) return int(i);
        FAIL("no indicator " << name);
        return -1;
    }
    int group(const std::string& dim, const std::string& value) const {
        const auto& g = layout.groups();
        for (std::size_t i = 0; i < g.size(); ++i) if (g[i].dimension == dim && g[i].value == value) return int(i);
        FAIL("no group " << dim << "=" << value);
        return -1;
    }
    // Mean over replicates and over the whole horizon.
    double mean(const std::string& name, const std::string& dim = "all", const std::string& value = "all") const {
        const int i = indicator(name), g = group(dim, value);
        double sum = 0;
        int n = 0;
        for (const auto& s : series)
            for (int m = 0; m < s.months; ++m) sum += s.at(i, m, g), ++n;
        return sum / n;
    }
};
const Baseline& baseline() {
    static const Baseline b;
    return b;
}
}  // namespace

TEST_CASE("baseline outcome levels stay in plausible ranges", "[end_to_end][integration]") {
    const auto& b = baseline();
    const std::map<std::string, std::pair<double, double>> ranges = {
        {"compliance.osh", {0.2, 0.8}},          {"compliance.wages", {0.4, 0.95}},
        {"compliance.working_time", {0.15, 0.8}}, {"compliance.child_labour", {0.9, 1.0}},
        {"compliance.forced_labour", {0.9, 1.0}}, {"below_minimum_wage", {0.05, 0.5}},
        {"informal_share", {0.1, 0.7}},           {"union_density", {0.01, 0.3}},
        {"injury_rate", {0.2, 5.0}},              {"excess_hours", {0.05, 0.7}},
        {"subcontracted_share", {0.05, 0.5}},     {"harassment", {0.001, 0.1}},
        {"quit_rate", {0.01, 0.1}},               {"wage_to_minimum", {0.8, 1.6}},
    };
    for (const auto& [name, range] : ranges) {
        const double v = b.mean(name);
        INFO(name << " = " << v);
        CHECK(v >= range.first);
        CHECK(v <= range.second);
    }
    CHECK(b.mean("employment") > 0.8 * double(b.scenario.total_workers()));
    CHECK(b.mean("employment") <= double(b.scenario.total_workers()));
}

TEST_CASE("baseline shows the structural patterns of supply chains", "[end_to_end][integration]") {
    const auto& b = baseline();
    // Conditions are worse in lower tiers and informal work.
    CHECK(b.mean("compliance.osh", "tier", "tier1") > b.mean("compliance.osh", "tier", "subcontractor"));
    CHECK(b.mean("below_minimum_wage", "tier", "tier1") < b.mean("below_minimum_wage", "tier", "homework"));
    CHECK(b.mean("below_minimum_wage", "formality", "formal") < b.mean("below_minimum_wage", "formality", "informal"));
    CHECK(b.mean("informal_share", "tier", "tier1") < b.mean("informal_share", "tier", "subcontractor"));
    // Stronger institutions, better outcomes.
    CHECK(b.mean("compliance.wages", "country", "viet_nam") > b.mean("compliance.wages", "country", "bangladesh"));
    // Women face more harassment and are paid less relative to the minimum.
    CHECK(b.mean("harassment", "gender", "female") > b.mean("harassment", "gender", "male"));
    CHECK(b.mean("wage_to_minimum", "gender", "female") < b.mean("wage_to_minimum", "gender", "male"));
    // Child labour is concentrated where firms do not comply: only under-18s can be in it.
    CHECK(b.mean("child_labour", "age_band", "25_54") == 0.0);
    CHECK(b.mean("forced_labour", "migrant", "non_migrant") == 0.0);
}
