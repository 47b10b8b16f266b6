// Lever `ifa` (seed item 3.2): international framework agreement between a lead firm and a GUF, read as
// a per-firm programme covering the signatories' suppliers.
#include "input/levers/lever_reading.hpp"

namespace supplysim {

Lever read_ifa(FieldReader& r, const Scenario&, Intervention& self) {
    if (self.where.buyers.empty()) r.fail("where", "an IFA needs where.buyers (the signatory lead firms)");
    FirmProgramme p;
    if (self.where.tiers.empty()) self.where.tiers = {0};
    p.by_coverage = true;
    p.flags = programme_flag::ifa;
    p.coverage = r.number("supplier_coverage", 0.8, 0, 1, "Share of the signatories' suppliers (in the where-tiers) the agreement covers in practice.");
    p.checks_per_year = r.number("grievance_checks_per_year", 1.0, 0, 12,
        "Complaints through the agreement's grievance channel that lead to a joint check, per covered supplier per year.");
    p.check_detection = r.number("grievance_detection", 0.6, 0, 2, "Detection of a grievance-led check relative to an unannounced inspection.");
    p.finding_cost_months = r.number("finding_cost_months", 6, 0, 100, "Cost to a supplier of a confirmed violation (remediation demanded by the lead firm), months of compliance cost.");
    p.correction_support = r.number("correction_support", 0.5, 0, 1.5, "Added to the 0.5 factor on correcting a confirmed violation.");
    p.logit[index(Area::freedom_of_association)] = r.number("union_support", 1.0, 0, 10,
        "Shift in the log-odds of respecting freedom of association from the agreement's support for union formation.");
    return p;
}

}  // namespace supplysim
