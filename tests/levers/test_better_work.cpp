// Lever `better_work`: enrols tier-1 exporters, raising their compliance.
#include "lever_support.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

TEST_CASE("better_work: enrolment raises tier-1 compliance in the target country", "[levers][better_work][integration]") {
    const auto with = run(world(R"(
interventions:
  - {type: better_work, where: {countries: [south], sectors: [garment]}, start: 2019-01, enrolment_per_year: 1.0}
)"));
    const auto& base = baseline();
    const auto coverage = effect(with, base, "better_work_coverage", "country", "south");
    CHECK(coverage.base == 0);
    CHECK(coverage.mean > 0.2);  // tier 1 of southern garment is about 40% of the south's workers
    CHECK(effect(with, base, "better_work_coverage", "country", "north").mean == 0);
    CHECK(effect(with, base, "better_work_coverage", "tier", "tier2").mean == 0);
    CHECK_RAISES(effect(with, base, "compliance.osh", "country", "south"));
    CHECK_RAISES(effect(with, base, "compliance.working_time", "country", "south"));
    CHECK_LOWERS(effect(with, base, "below_minimum_wage", "country", "south"));
}

TEST_CASE("better_work: public reporting adds to the effect", "[levers][better_work][integration]") {
    const auto open = run(world(R"(
interventions:
  - {type: better_work, where: {countries: [south]}, start: 2019-01, enrolment_per_year: 1.0, public_reporting: true, finding_cost_months: 6}
)"));
    const auto closed = run(world(R"(
interventions:
  - {type: better_work, where: {countries: [south]}, start: 2019-01, enrolment_per_year: 1.0, public_reporting: false}
)"));
    CHECK_RAISES(effect(open, closed, "compliance.osh", "tier", "tier1"));
}
