// Lever `sector_programme`: see docs/model/interventions.md#sector_programme for the mechanism and the documented direction.
#include "lever_support.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

TEST_CASE("sector_programme: a garment programme raises compliance in garment only", "[levers][sector_programme][integration]") {
    const auto with = run(world(R"(
interventions:
  - {type: sector_programme, where: {sectors: [garment]}, start: 2019-01, enrolment_per_year: 0.8, compliance_logit: 0.8}
)"));
    CHECK_RAISES(effect(with, baseline(), "compliance.wages", "sector", "garment"));
    CHECK(effect(with, baseline(), "programme_coverage", "sector", "electronics").mean == 0);
}

TEST_CASE("ppp_funding: a buyer funding assistance raises its suppliers compliance", "[levers][ppp_funding][integration]") {
    const auto with = run(world(R"(
interventions:
  - {type: ppp_funding, where: {buyers: [devices]}, start: 2019-01, suppliers_per_year: 0.8}
)"));
    CHECK_RAISES(effect(with, baseline(), "compliance.osh", "sector", "electronics"));
    CHECK_RAISES(effect(with, baseline(), "programme_coverage", "sector", "electronics"));
}
