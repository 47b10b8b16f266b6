// Lever `better_work`: enrols tier-1 exporters, raising their compliance.
#include "lever_support.hpp"

#include "supplysim/model/levers/lever.hpp"
#include "supplysim/model/levers/programme.hpp"

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

namespace {
bool relies_on_reports(const Scenario& s) {
    return (programme_of(s.interventions.at(0).lever)->flags & programme_flag::replaces_audits) != 0;
}
}  // namespace

TEST_CASE("better_work: buyers rely on reports only when assessments make them", "[levers][better_work]") {
    CHECK(relies_on_reports(world("interventions:\n  - {type: better_work, start: 2019-01}\n")));
    CHECK_FALSE(relies_on_reports(world("interventions:\n  - {type: better_work, start: 2019-01, assessments_per_year: 0}\n")));
    CHECK_FALSE(relies_on_reports(world(
        "interventions:\n  - {type: better_work, start: 2019-01, assessments_per_year: 0, buyers_rely_on_reports: false}\n")));
    CHECK_FALSE(relies_on_reports(world(
        "interventions:\n  - {type: better_work, start: 2019-01, buyers_rely_on_reports: false}\n")));
    CHECK(load_error("interventions:\n"
                     "  - type: better_work\n"
                     "    start: 2019-01\n"
                     "    assessments_per_year: 0\n"
                     "    buyers_rely_on_reports: true\n") ==
          "lever.yaml:5:29: 'interventions[0].buyers_rely_on_reports': buyers cannot rely on Better Work reports when "
          "assessments_per_year is 0 (no reports are made); set assessments_per_year above 0 or buyers_rely_on_reports: false");
}
