#pragma once
// The state of one replicate: firms and workers stored as columns (structure of arrays). Workers are
// sorted by employer, so a firm's workers are the contiguous range [worker_begin[f], worker_begin[f+1]).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "supplysim/model/standard_area.hpp"

namespace supplysim {

// Worker demography packed in one byte: five flags and a two-bit age band.
namespace demo {
inline constexpr std::uint8_t female = 1u << 0;
inline constexpr std::uint8_t migrant = 1u << 1;
inline constexpr std::uint8_t disabled = 1u << 2;
inline constexpr std::uint8_t minority = 1u << 3;
inline constexpr std::uint8_t indigenous = 1u << 4;
inline constexpr int age_shift = 5;
inline constexpr std::uint8_t age_mask = 3u << age_shift;
enum AgeBand : std::uint8_t { under_18 = 0, age_18_24 = 1, age_25_54 = 2, age_55_plus = 3 };
inline AgeBand age_band(std::uint8_t d) { return AgeBand((d & age_mask) >> age_shift); }
inline std::uint8_t with_age(std::uint8_t d, AgeBand a) {
    return static_cast<std::uint8_t>((d & ~age_mask) | (a << age_shift));
}
inline constexpr int cells = 128;  // distinct demography bytes
}  // namespace demo

// Worker status flags that persist between months.
namespace status {
inline constexpr std::uint8_t informal = 1u << 0;   // no written contract / not registered
inline constexpr std::uint8_t union_member = 1u << 1;
inline constexpr std::uint8_t injured = 1u << 2;    // injured this month
inline constexpr std::uint8_t harassed = 1u << 3;   // harassed this month
inline constexpr std::uint8_t quit = 1u << 4;       // slot refilled this month after a quit
}  // namespace status

// Firm flags fixed at creation.
namespace firm_kind {
inline constexpr std::uint8_t sme = 1u << 0;            // fewer than parameters.sme_below_workers workers
inline constexpr std::uint8_t epz = 1u << 1;
inline constexpr std::uint8_t informal = 1u << 2;
inline constexpr std::uint8_t homework = 1u << 3;
}  // namespace firm_kind

struct Firms {
    // Identity and structure (fixed).
    std::vector<std::uint16_t> country, sector;
    std::vector<std::uint8_t> tier, kind;
    std::vector<std::uint16_t> buyer;            // main buyer of tier-1 firms; lower tiers inherit by segment
    std::vector<std::uint32_t> worker_begin;     // size firms + 1
    std::vector<float> capability;               // management capability 0..1
    std::vector<float> underpayment;             // shortfall below the minimum wage when not complying

    // Dynamic state.
    std::vector<std::uint8_t> compliant;         // bit a set: complies in Area a
    std::vector<float> orders;                   // this month's orders in worker-months
    std::vector<float> subcontracted_in;         // part of the orders received from a higher tier
    std::vector<float> utilisation;              // share of positions working this month
    std::vector<float> weekly_hours;
    std::vector<float> sanction_risk;            // specific deterrence after a sanction (kept at sanction_memory per month)
    std::vector<float> margin;
    std::vector<std::int16_t> follow_up_step;    // step of a scheduled follow-up visit, -1 if none
    std::vector<std::uint8_t> inspected;         // visited by the inspectorate this month
    std::vector<std::uint8_t> audited;           // audited by a buyer this month
    std::vector<std::uint16_t> complaints;       // worker complaints last month (injuries, harassment)
    // Interventions (programmes phase; empty until the phase first runs).
    std::vector<std::uint8_t> programme_flags;   // programme_flag:: bits in force this month
    std::vector<PerArea<float>> programme_logit; // shift in the log-odds of complying from programmes this month

    std::size_t size() const { return country.size(); }
    std::uint32_t workforce(std::size_t f) const { return worker_begin[f + 1] - worker_begin[f]; }
    // End of the slots working this month: the first round(utilisation x workforce) of the firm's slots
    // work (they count as employed); the rest are laid off for the month.
    std::uint32_t working_end(std::size_t f) const {
        const std::uint32_t begin = worker_begin[f], end = worker_begin[f + 1];
        return std::min(end, begin + std::uint32_t(std::lround(utilisation[f] * double(end - begin))));
    }
    bool complies(std::size_t f, Area a) const { return (compliant[f] >> index(a)) & 1u; }
};

struct Workers {
    std::vector<std::uint8_t> demography;   // demo:: flags and age band
    std::vector<std::uint8_t> status;       // status:: flags
    std::vector<std::uint8_t> debt_months;  // recruitment debt still owed, in months of wages
    std::vector<float> wage_premium;        // lawful wage as a ratio to the minimum wage

    std::size_t size() const { return demography.size(); }
};

// A segment is a (country, sector, tier) cell: peers for norms, and the unit orders flow between.
struct Segments {
    int countries = 0, sectors = 0, tiers = 0;
    int count() const { return countries * sectors * tiers; }
    int of(int country, int sector, int tier) const { return (country * sectors + sector) * tiers + tier; }
};

struct World {
    Firms firms;
    Workers workers;
    Segments segments;
    std::vector<std::uint32_t> segment_firm_begin;  // firms are sorted by segment; size segments + 1
    std::vector<float> sector_margin;              // normal operating margin per sector
    // Per segment, refreshed each month.
    std::vector<PerArea<float>> peer_compliance;  // share of the segment's workers in compliant firms
    std::vector<float> segment_pressure;           // buyers' weighted price pressure
    std::vector<float> segment_lead_time;          // buyers' weighted lead time, weeks
    std::vector<float> segment_audit_rate;         // monthly chance a firm is audited by a buyer
    std::vector<float> segment_inspection_rate;    // last month's share of firms visited
    std::vector<float> segment_base_share_down;    // share of orders passed down under the start's buyer terms
    // Per per-firm programme (the scenario's interventions with a programme, in canonical order):
    // the month each firm joined, -1 if it has not.
    std::vector<std::vector<std::int16_t>> programme_joined;
    // Per firm: the block of indicator cells its workers are counted in this month (GroupLayout), set
    // when the groups include programme cohorts; empty otherwise, and the block is the firm's segment.
    std::vector<std::uint32_t> firm_cell_block;
    int cell_block(std::size_t f, int segment) const { return firm_cell_block.empty() ? segment : int(firm_cell_block[f]); }
};

}  // namespace supplysim
