// Levers `sector_programme` (seed item 4.3) and `ppp_funding` (4.4), read as per-firm programmes.
#include "input/levers/lever_reading.hpp"

namespace supplysim {

namespace {
Lever read_programme(FieldReader& r, bool ppp) {
    FirmProgramme p;
    p.flags = programme_flag::enterprise;
    p.enrolment_per_year = r.number(ppp ? "suppliers_per_year" : "enrolment_per_year", ppp ? 0.2 : 0.15, 0, 1,
        ppp ? "Share of the funding buyers' suppliers reached per year at full funding." : "Share of eligible firms enrolled per year at full strength.");
    p.uptake = r.number("uptake", ppp ? 0.9 : 0.7, 0, 1, "Share of firms offered assistance that take it up.");
    p.capability_gain_per_year = r.number("capability_gain", 0.1, 0, 1, "Share of a firm's capability gap closed per year.");
    p.capability_ceiling = r.number("capability_ceiling", 0.8, 0, 1, "Capability the assistance can reach.");
    p.productivity_gain = r.number("productivity_gain", 0.02, 0, 1, "Rise in the firm's normal margin relative to the sector margin.");
    p.logit.fill(r.number("compliance_logit", 0.2, -5, 5, "Shift in the log-odds of complying in every area from the programme's compliance component."));
    p.checks_per_year = r.number("checks_per_year", ppp ? 0.5 : 0.0, 0, 12, "Monitoring visits per firm per year (PPP: the funding lead firm's follow-up).");
    p.check_detection = r.number("check_detection", 0.5, 0, 2, "Detection of a monitoring visit relative to an unannounced inspection.");
    p.finding_cost_months = r.number("finding_cost_months", ppp ? 2.0 : 0.0, 0, 100, "Cost to the firm of a monitoring finding, months of compliance cost.");
    p.correction_support = r.number("correction_support", 0.3, 0, 1.5, "Added to the 0.5 factor on correcting a finding.");
    return p;
}
}  // namespace

Lever read_sector_programme(FieldReader& r, const Scenario&, Intervention& self) {
    if (self.where.sectors.empty()) r.fail("where", "a sector programme needs where.sectors");
    return read_programme(r, false);
}

Lever read_ppp_funding(FieldReader& r, const Scenario&, Intervention& self) {
    if (self.where.buyers.empty()) r.fail("where", "PPP funding needs where.buyers (the lead firms that fund assistance)");
    return read_programme(r, true);
}

}  // namespace supplysim
