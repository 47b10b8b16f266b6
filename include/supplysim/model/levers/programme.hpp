#pragma once
// A per-firm programme: which eligible firms take part (enrolment at a yearly rate, or coverage of a
// share of eligible firms) and what taking part does to a firm each month (capability growth,
// productivity, shifts in the propensity to comply, third-party checks that detect and help correct
// violations and cost the firm when they find one). Better Work, SCORE, SYMAPRO, sector programmes,
// PPP-funded assistance and IFAs are all described by one of these: the lever struct of those types,
// run by the programmes phase (phases/programmes.hpp).
#include <cstdint>

#include "supplysim/model/standard_area.hpp"

namespace supplysim {

struct Policy;
struct Scenario;
struct Where;

// Bits in Firms::programme_flags, refreshed every month by the programmes phase.
namespace programme_flag {
inline constexpr std::uint8_t better_work = 1u << 0;     // enrolled in Better Work
inline constexpr std::uint8_t enterprise = 1u << 1;      // in any enterprise programme (BW, SCORE, SYMAPRO, sector, PPP)
inline constexpr std::uint8_t ifa = 1u << 2;             // covered by an international framework agreement
inline constexpr std::uint8_t replaces_audits = 1u << 3; // buyers rely on the programme's reports instead of own audits
}  // namespace programme_flag

struct FirmProgramme {
    // Who takes part. By enrolment: each month, eligible firms not yet enrolled join so that
    // `enrolment_per_year` of all eligible firms join per year at full strength, times `uptake`.
    // By coverage: a fixed share `coverage` x level of eligible firms is covered (no queue).
    bool by_coverage = false;
    double enrolment_per_year = 0.2;
    double uptake = 1.0;
    double coverage = 1.0;
    std::uint8_t flags = 0;

    // What taking part does, per month of participation.
    double capability_gain_per_year = 0;   // share of the gap to the ceiling closed per year
    double capability_ceiling = 0.9;
    double productivity_gain = 0;          // rise in the firm's normal margin, relative to the sector margin
    PerArea<double> logit{};               // direct shift in the log-odds of complying (training, support)
    double checks_per_year = 0;            // assessments or grievance-triggered checks
    double check_detection = 0;            // relative to an unannounced inspection
    double finding_cost_months = 0;        // expected cost of a finding (publication, buyer response), months of compliance cost
    double correction_support = 0;         // added to the 0.5 factor on correcting what a check finds
};

// A programme acts on firms one by one, not on the month's policy.
inline void add_to_policy(const FirmProgramme&, Policy&, const Scenario&, const Where&, double) {}

}  // namespace supplysim
