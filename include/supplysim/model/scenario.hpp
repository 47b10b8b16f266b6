#pragma once
// The resolved input of a simulation: plain values, every default filled in, every range checked.
// The model reads only this; it never sees YAML.
#include <cstdint>
#include <string>
#include <vector>

#include "supplysim/model/assessment.hpp"
#include "supplysim/model/calendar.hpp"
#include "supplysim/model/institutions.hpp"
#include "supplysim/model/levers/intervention.hpp"
#include "supplysim/model/standard_area.hpp"

namespace supplysim {

struct Ratification {
    std::string convention;  // e.g. "C87"
    YearMonth date;
};

// A country: its institutions (the baseline that policy levers act on) and its workforce.
struct Country : CountryInstitutions {
    std::string name;
    double minimum_wage = 100;         // monthly, local units; the model works in ratios to it
    double hours_limit = 48;           // legal weekly hours
    double informality = 0.5;          // share of workers informally employed in formal lower-tier firms
    double epz_share = 0;              // share of tier-1 firms in export processing zones
    std::vector<Ratification> ratifications;
    std::int64_t workers = 10000;      // workers in the modelled supply chains of this country
    double migrant_share = 0.05;
    double disability_share = 0.02;
    double minority_share = 0.1;
    double indigenous_share = 0.02;
    double youth_share = 0.3;          // share of adult hires aged 18-24
    double older_share = 0.05;         // share of adult hires aged 55+
    double child_hire_risk = 0.05;     // chance a hire by a firm not complying on child labour is under 18
    double recruitment_fee_months = 3; // mean months of wages owed by a migrant hire for recruitment fees
};

struct Sector {
    std::string name;
    std::vector<double> country_share;       // share of each country's workers in this sector
    std::vector<double> female_share_by_tier;
    double margin = 0.06;                    // operating margin of suppliers
    double labour_cost_share = 0.3;          // labour share of unit cost: how much compliance costs bite
    double injury_rate = 1.0;                // injuries per 1,000 workers per month in compliant firms
};

struct Tier {
    std::string name;
    double worker_share = 0.25;   // share of the country's workers in this tier
    double mean_firm_size = 100;  // workers per firm
    double informality_exposure = 0; // chance a firm is informal = country informality x this
    double capability = 0.5;      // mean management capability, 0..1
    double capability_sd = 0.15;  // spread of firms' capability around the mean
    double firm_size_sd = 0.7;    // spread of firm sizes around the mean (log scale)
    bool homework = false;        // homeworkers: one-person units paid by piece
};

// A lead firm: its purchasing and auditing practices (the baseline levers act on) and where it sources.
struct Buyer : BuyerPractices {
    std::string name;
    int sector = 0;
    std::vector<double> country_share; // share of the buyer's tier-1 suppliers in each country
    double order_share = 1;            // weight of this buyer in its sector's tier-1 orders
};

struct ComplianceParameters {
    double review_rate = 0.08;         // chance per month that a firm revisits an area's practice
    double base_logit = 0.0;           // propensity to comply with nothing else acting
    PerArea<double> area_logit{0.0, 1.2, -0.3, 0.8, 1.2, 3.5, 3.8, 1.3}; // area-specific shift (log-odds)
    PerArea<double> area_cost{0.5, 0.4, 0.5, 0.3, 0.3, 0.2, 0.2, 0.2};  // monthly cost of complying, relative units
    double deterrence_weight = 8;    // weight of expected sanction cost relative to compliance cost
    double cost_weight = 2;
    double capability_weight = 2;
    double peer_weight = 2;          // pull of the compliance share among same-segment peers
    double law_weight = 1.5;
    double price_pressure_weight = 1;
    double audit_reputation_months = 3; // expected cost of an audit finding, in months of compliance cost
    double sanction_memory = 0.9;      // share of a sanctioned firm's raised risk perception kept each month (persistence)
    double sanction_risk_boost = 0.1;  // how much a sanction raises perceived detection
    double correction_rate = 0.6;      // chance a sanctioned violation is corrected by the follow-up
    double announced_concealment = 0.5;   // share of violations an announced visit misses (firms tidy up first)
    double informal_law_reach = 0.3;      // weight of the law on informal firms, relative to formal ones
    double squeeze_min = 0.5;             // bounds of the margin squeeze (sector margin / firm margin)
    double squeeze_max = 4;
    double correction_capability_base = 0.5; // correction of a finding scales with (this + capability)
    double audit_correction_factor = 0.5;    // audits without a legal sanction correct this much as often
    double programme_correction_base = 0.5;  // programme checks' correction scales with (this + support)
    double sanction_margin_hit = 0.002;      // margin lost per violation and month of compliance cost fined
    double perception_update = 0.1;          // weight of this month's observed visit rate in the perceived one
};

struct ProductionParameters {
    double seasonality = 0.15;         // amplitude of the yearly order cycle
    double demand_noise = 0.1;         // month-to-month sd of buyer orders
    double base_utilisation = 0.95;    // tier-1 orders relative to capacity in an average month
    double domestic_orders = 0.6;      // lower tiers' own orders relative to their capacity
    double overtime_capacity = 0.3;    // extra hours beyond the legal limit a non-complying firm can work
    double habitual_overtime = 0.15;   // non-complying firms staff thin and run long shifts
    double subcontract_base = 0.1;     // share of orders passed down with no price or time pressure
    double subcontract_price_weight = 0.1;
    double subcontract_lead_time_weight = 0.1;
    double informal_subcontract_share = 0.5; // share of passed-down work that goes to informal units
    double short_lead_time_weeks = 6;        // lead times below this push work down the chain
    int spin_up_months = 36;           // months simulated before the start and discarded
    int peak_month = 4;                      // calendar month (1-12) of the yearly peak of buyers' orders
    double margin_without_pressure = 1.25;   // normal margin with no price pressure, relative to the sector's
    double margin_pressure_erosion = 0.5;    // fall in the normal margin per unit of price pressure
    double margin_recovery = 0.1;            // share of the way back to the normal margin made each month
    double normal_hours_share = 0.9;         // normal weekly hours as a share of the legal limit
    double habitual_overtime_pressure_weight = 1; // habitual overtime x (1 + this x price pressure)
    double informal_subcontract_pressure_base = 0.5; // informal share of passed-down work x (this + pressure)
};

struct WorkerParameters {
    double wage_premium_sd = 0.25;     // dispersion of what workers earn above the minimum when paid lawfully
    double underpayment_depth = 0.25;  // mean shortfall below the minimum in firms not complying on wages
    double gender_pay_gap = 0.15;      // extra shortfall for women where firms discriminate
    double injury_multiplier = 3;    // injury rate in firms not complying on OSH, relative to compliant
    double harassment_rate = 0.005;     // monthly chance in firms complying on discrimination
    double harassment_multiplier = 5;
    double harassment_female_multiplier = 3;
    double quit_rate = 0.03;
    double quit_multiplier_bad_job = 2; // quits rise with injury, harassment, pay below minimum
    double union_join_rate = 0.02;
    double union_leave_rate = 0.02;
    double informal_hire_share = 0.5;  // chance a hire into a firm not complying on contracts is informal
    double overtime_hours = 12;        // extra weekly hours at full excess demand
    double excess_hours_injury_multiplier = 1.3; // injury rate of a worker on hours above the legal limit
    double union_leave_multiplier_unfree = 5;    // members leave this much faster where organising is not free
    double registration_rate = 0.05;    // monthly chance a firm complying on contracts registers an informal worker
    double deregistration_rate = 0.01;  // monthly chance a firm not complying lets a worker's contract lapse
    double marginalised_hiring_per_tier = 0.25; // hires from marginalised groups x (1 + this x tier + ...)
    double marginalised_hiring_informal = 0.5;  // ... + this in informal units)
    double max_debt_months = 60;        // cap on a migrant's recruitment debt, months of wages
    double underpayment_spread = 0.5;   // a firm's underpayment = depth x (this + U), U uniform
    double underpayment_max = 0.6;      // ... at most this
};

struct Parameters {
    int sme_below_workers = 250;       // firms with fewer workers are SMEs (size-based targeting)
    ComplianceParameters compliance;
    ProductionParameters production;
    WorkerParameters workers;
};

struct OutputOptions {
    std::vector<std::string> dimensions; // disaggregations written (always with the "all" group)
    int compression = 1;                 // deflate level of the indicator datasets (0: none)
};

struct Scenario {
    std::string name;
    std::string description;
    std::string source_file;
    std::string resolved_yaml;   // the merged, defaulted scenario as YAML, written into outputs
    YearMonth start{2017, 1};
    YearMonth end{2030, 12};
    std::uint64_t seed = 1;
    int replicates = 1;
    std::vector<Country> countries;
    std::vector<Sector> sectors;
    std::vector<Tier> tiers;
    std::vector<Buyer> buyers;
    Parameters parameters;
    OutputOptions outputs;
    std::vector<Intervention> interventions;  // canonical order (sorted when loaded), see levers/intervention.hpp
    std::vector<Assessment> assessments;      // named assessment dates (mid-term, final), in date order

    int months() const { return months_between(start, end) + 1; }
    std::int64_t total_workers() const;
};

// The names of a scenario's countries, sectors, tiers or buyers, in order.
template <class Named>
std::vector<std::string> names_of(const std::vector<Named>& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i.name);
    return out;
}

}  // namespace supplysim
