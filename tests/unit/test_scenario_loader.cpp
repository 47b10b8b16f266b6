#include <catch2/catch.hpp>

#include "supplysim/input/scenario_loader.hpp"
#include "test_support.hpp"

using namespace supplysim;
using supplysim::test::small_with;

TEST_CASE("the shipped scenarios load with their stated structure", "[loader][sanitizer]") {
    const Scenario base = load_scenario(test::source_path("scenarios/baseline.yaml"));
    CHECK(base.countries.size() >= 3);
    CHECK(base.sectors.size() >= 2);
    CHECK(base.tiers.size() >= 3);
    CHECK(base.total_workers() >= 100000);
    CHECK(base.start == YearMonth{2017, 1});
    CHECK(base.end == YearMonth{2030, 12});
    CHECK(base.months() == 168);
    const Scenario small = test::small_scenario();
    CHECK(small.total_workers() == 3000);
    CHECK(small.countries[1].inspectorate.targeting == Targeting::random);
    CHECK(small.countries[0].inspectorate.targeting == Targeting::risk_based);
}

TEST_CASE("defaults fill keys that are absent and appear in the resolved YAML", "[loader][sanitizer]") {
    const Scenario s = test::small_scenario();
    CHECK(s.parameters.compliance.review_rate == Approx(ComplianceParameters{}.review_rate));
    CHECK(s.countries[0].hours_limit == 48);
    CHECK(s.resolved_yaml.find("review_rate: 0.08") != std::string::npos);
    CHECK(s.resolved_yaml.find("spin_up_months: 12") != std::string::npos);
    // The resolved YAML is itself a valid scenario that resolves to the same thing.
    const Scenario again = resolve_scenario(parse_config_text(s.resolved_yaml, "resolved.yaml"), "resolved.yaml");
    CHECK(again.resolved_yaml == s.resolved_yaml);
}

TEST_CASE("bad values are refused with file, line, field and the allowed range", "[loader][sanitizer]") {
    struct Case {
        const char* overlay;
        const char* message;
    };
    const Case cases[] = {
        {"seed: -4\n", "overlay.yaml:1:7: 'seed': value -4 is out of range: expected a whole number from 0 to 9007199254740991"},
        {"parameters:\n  compliance:\n    review_rate: fast\n",
         "overlay.yaml:3:18: 'parameters.compliance.review_rate': expected a number from 0.001 to 1, got \"fast\""},
        {"parameters:\n  compliance:\n    reviw_rate: 0.1\n",
         "overlay.yaml:3:5: 'parameters.compliance.reviw_rate': unknown key; did you mean \"review_rate\"?"},
        {"end: 2016-12\n", "'end': the end month 2016-12 is before the start month 2019-01"},
        {"countries:\n  - name: north\n    inspectorate: {targeting: risky}\n",
         "overlay.yaml:3:31: 'countries[0].inspectorate.targeting': unknown value \"risky\"; expected one of random, risk_based, complaint_driven"},
        {"sectors:\n  - name: garment\n    country_share: {north: 0.5, sout: 0.7}\n",
         "overlay.yaml:3:33: 'sectors[0].country_share.sout': \"sout\" is not defined; expected one of north, south (did you mean \"south\"?)"},
        {"sectors:\n  - name: garment\n    country_share: {north: 0.6, south: 0.7}\n",
         "'sectors': country_share for \"north\" must sum to 1 over sectors, got 1.1"},
        {"tiers:\n  - {name: tier1, worker_share: 0.5}\n", "'tiers': worker_share of the tiers must sum to 1, got 0.9"},
        {"buyers:\n  - {name: apparel, sector: garmnt}\n",
         "overlay.yaml:2:29: 'buyers[0].sector': unknown value \"garmnt\"; expected one of garment, electronics (did you mean \"garment\"?)"},
        {"countries:\n  - name: north\n    workers: 1e999\n", "'countries[0].workers': expected a whole number"},
        {"start: 2019-13\n", "overlay.yaml:1:8: 'start': month 2019-13 is out of range: expected a month from 1900-01 to 2200-12"},
        {"start: 2019/01\n", "overlay.yaml:1:8: 'start': expected a month as YYYY-MM (e.g. 2017-01), got \"2019/01\""},
        {"outputs: {dimensions: [gender, caste]}\n", "'outputs.dimensions[1]': unknown value \"caste\""},
        {"parameters:\n  compliance:\n    squeeze_min: 2\n    squeeze_max: 1.5\n",
         "overlay.yaml:4:18: 'parameters.compliance.squeeze_max': value 1.5 is below squeeze_min 2: expected squeeze_max >= squeeze_min"},
        {"outputs: {dimensions: [gender, country*caste]}\n",
         "overlay.yaml:1:32: 'outputs.dimensions[1]': unknown dimension \"caste\" in crossing \"country*caste\"; expected one of "
         "country, sector, tier, gender, age_band, migrant, disability, ethnicity, indigenous, formality, programme, "
         "years_in_programme"},
        {"outputs: {dimensions: [gender*gender]}\n",
         "overlay.yaml:1:24: 'outputs.dimensions[0]': crossing \"gender*gender\" crosses \"gender\" with itself"},
        {"outputs: {dimensions: [country*tier*gender*migrant]}\n",
         "overlay.yaml:1:24: 'outputs.dimensions[0]': crossing \"country*tier*gender*migrant\" has 4 dimensions; at most 3 can be crossed"},
        {"outputs: {dimensions: [country*gender, tier, gender*country]}\n",
         "overlay.yaml:1:46: 'outputs.dimensions[2]': crossing \"gender*country\" repeats \"country*gender\" (entry 0)"},
        {"outputs: {dimensions: [country*]}\n",
         "overlay.yaml:1:24: 'outputs.dimensions[0]': unknown dimension \"\" in crossing \"country*\"; expected one of "},
    };
    for (const auto& c : cases) {
        INFO(c.overlay);
        CHECK_THROWS_WITH(small_with(c.overlay), Catch::Contains(c.message));
    }
}
