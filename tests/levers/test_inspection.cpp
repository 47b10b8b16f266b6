// Lever `inspection`: more inspectors raise inspection coverage and compliance; gender-sensitive
// training raises compliance on discrimination; a sector campaign shifts visits to its sector.
#include "lever_support.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

TEST_CASE("inspection: more inspectors raise coverage and compliance in the target country", "[levers][inspection][integration][sanitizer]") {
    const auto with = run(world(R"(
interventions:
  - {type: inspection, where: {countries: [south]}, start: 2019-01, inspectors_per_10k_workers: 3.0,
     announced_share: 0.1, sanction_months: 36, reach: {informal: 0.5, tiers: [1, 0.8, 0.6]}}
)"));
    const auto& base = baseline();
    CHECK_RAISES(effect(with, base, "inspection_coverage", "country", "south"));
    CHECK_RAISES(effect(with, base, "compliance.wages", "country", "south"));
    CHECK_RAISES(effect(with, base, "compliance.osh", "country", "south"));
    CHECK_LOWERS(effect(with, base, "below_minimum_wage", "country", "south"));
    // North is untouched: same seeds, same policy there until southern changes spill over (none do).
    CHECK(std::abs(effect(with, base, "inspection_coverage", "country", "north").mean) < 1e-12);
}

TEST_CASE("inspection: gender-sensitive training raises compliance on discrimination", "[levers][inspection][integration][sanitizer]") {
    const auto with = run(world(R"(
interventions:
  - {type: inspection, where: {countries: [north, south]}, start: 2019-01, gender_training: 1.0, trained_detection: 0.9,
     inspectors_per_10k_workers: 1.5}
  - {type: inspection, where: {countries: [north, south]}, start: 2019-01, inspectors_per_10k_workers: 1.5, name: staffing_only}
)"));
    const auto without = run(world(R"(
interventions:
  - {type: inspection, where: {countries: [north, south]}, start: 2019-01, inspectors_per_10k_workers: 1.5}
  - {type: inspection, where: {countries: [north, south]}, start: 2019-01, inspectors_per_10k_workers: 1.5, name: staffing_only}
)"));
    CHECK_RAISES(effect(with, without, "compliance.discrimination"));
    CHECK_LOWERS(effect(with, without, "harassment", "gender", "female"));
}

TEST_CASE("inspection: a sector campaign moves visits to its sector", "[levers][inspection][integration][sanitizer]") {
    const auto with = run(world(R"(
interventions:
  - {type: inspection, where: {sectors: [electronics]}, start: 2019-01, targeting: sector_campaign, campaign_weight: 5}
)"));
    const auto& base = baseline();
    CHECK_RAISES(effect(with, base, "inspection_coverage", "sector", "electronics"));
    CHECK_LOWERS(effect(with, base, "inspection_coverage", "sector", "garment"));
}

TEST_CASE("inspection: legal remedies raise compliance on wages", "[levers][inspection][integration][sanitizer]") {
    const auto with = run(world(R"(
interventions:
  - {type: inspection, start: 2019-01, legal_remedies: 1.0, remedy_claim_rate: 0.1}
)"));
    CHECK_RAISES(effect(with, baseline(), "compliance.wages"));
}
