// Lever `better_work` (seed items 4.1-4.2): enrolment of tier-1 exporting factories, read as a
// per-firm programme.
#include "input/levers/lever_reading.hpp"

namespace supplysim {

Lever read_better_work(FieldReader& r, const Scenario&, Intervention& self) {
    FirmProgramme p;
    // Better Work enrols registered tier-1 exporters unless the scenario says otherwise.
    if (self.where.tiers.empty()) self.where.tiers = {0};
    if (self.where.formality == Where::Formality::any) self.where.formality = Where::Formality::formal;
    p.flags = programme_flag::better_work | programme_flag::enterprise;
    p.enrolment_per_year = r.number("enrolment_per_year", 0.25, 0, 1,
        "Share of eligible factories enrolled per year at full strength (programme capacity; scale from factories per year by the eligible count).");
    p.uptake = r.number("uptake", 1.0, 0, 1, "Share of factories offered a place that join.");
    p.checks_per_year = r.number("assessments_per_year", 1.0, 0, 12, "Unannounced compliance assessments per enrolled factory per year (Better Work: about every 12 months).");
    p.check_detection = r.number("assessment_detection", 1.0, 0, 2,
        "Detection of an assessment relative to an unannounced labour inspection (2 assessors, 2 days, about 250 questions in 8 clusters).");
    p.capability_gain_per_year = r.number("advisory_capability_gain", 0.15, 0, 1, "Share of a factory's management-capability gap closed per year by advisory services and training.");
    p.capability_ceiling = r.number("capability_ceiling", 0.85, 0, 1, "Capability advisory can reach.");
    const double training = r.number("training_logit", 0.3, -5, 5, "Shift in the log-odds of complying in every area from training of managers, supervisors and worker-management committees.");
    p.logit.fill(training);
    const bool transparency = r.boolean("public_reporting", true, "Whether assessment results are published (reputational cost of a finding).");
    p.finding_cost_months = r.number("finding_cost_months", transparency ? 3.0 : 1.0, 0, 100,
        "Cost to a factory of an assessment finding, months of compliance cost (default 3 with public reporting, 1 without).");
    p.correction_support = r.number("correction_support", 0.5, 0, 1.5, "Added to the 0.5 factor on correcting a finding, from advisory follow-up of improvement plans.");
    // Buyers can rely only on reports that exist: without assessments they keep their own audits, and
    // saying otherwise is a contradiction the user must resolve rather than a silent fallback.
    const bool reports_made = p.checks_per_year > 0;
    const bool rely = r.boolean("buyers_rely_on_reports", reports_made,
        "Whether buyers replace their own social audits of enrolled factories with Better Work reports (default: true when assessments_per_year is above 0, false otherwise; true with assessments_per_year 0 is an error).");
    if (rely && !reports_made)
        r.fail("buyers_rely_on_reports",
               "buyers cannot rely on Better Work reports when assessments_per_year is 0 (no reports are made); "
               "set assessments_per_year above 0 or buyers_rely_on_reports: false");
    if (rely) p.flags |= programme_flag::replaces_audits;
    return p;
}

}  // namespace supplysim
