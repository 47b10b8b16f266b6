// Lever `ifa`: see docs/model/interventions.md#ifa for the mechanism and the documented direction.
#include "lever_support.hpp"

using namespace supplysim;
using namespace supplysim::levers_test;

TEST_CASE("ifa: a framework agreement raises freedom of association and union density among covered suppliers", "[levers][ifa][integration]") {
    const auto with = run(world(R"(
interventions:
  - {type: ifa, where: {buyers: [apparel]}, start: 2019-01, supplier_coverage: 1.0}
)"));
    const auto& base = baseline();
    const auto coverage = effect(with, base, "ifa_coverage", "sector", "garment");
    CHECK(coverage.mean > 0.4);
    CHECK(effect(with, base, "ifa_coverage", "sector", "electronics").mean == 0);
    CHECK_RAISES(effect(with, base, "compliance.freedom_of_association", "sector", "garment"));
    CHECK_RAISES(effect(with, base, "union_density", "sector", "garment"));
}

TEST_CASE("ifa: needs the signatory buyers", "[levers][ifa]") {
    CHECK_THROWS_WITH(world("interventions:\n  - {type: ifa, start: 2019-01}\n"), Catch::Contains("where.buyers"));
}
