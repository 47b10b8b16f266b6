#include "supplysim/input/scenario_loader.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "input/inspectorate_keys.hpp"
#include "input/output_dimensions.hpp"
#include "supplysim/input/number_text.hpp"
#include "supplysim/input/levers/registry.hpp"
#include "supplysim/input/stored_names.hpp"
#include "supplysim/input/uncertainty.hpp"
#include "supplysim/model/groups.hpp"

namespace supplysim {

namespace {

constexpr double share_tolerance = 1e-6;

// Reads a per-area map (osh: .., wages: ..) with one default for all areas or one per area.
PerArea<double> read_areas(FieldReader& r, const std::string& key, const PerArea<double>& fallback, double min,
                           double max, const std::string& meaning) {
    auto m = r.map(key, meaning + " (one value per standard area)");
    PerArea<double> out{};
    for (std::size_t a = 0; a < area_count; ++a)
        out[a] = m.number(std::string(area_names[a]), fallback[a], min, max, meaning + ": " + std::string(area_names[a]));
    m.reject_unknown_keys();
    return out;
}

void check_unique(const std::vector<FieldReader>& readers, const std::vector<std::string>& names) {
    for (std::size_t i = 0; i < names.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (names[i] == names[j]) readers[i].fail("name", "duplicate name \"" + names[i] + "\" (also used by entry " + std::to_string(j) + ")");
}

Inspectorate read_inspectorate(FieldReader r, std::size_t tiers) {
    Inspectorate in;
    for (const auto& n : inspectorate_numbers())
        in.*n.field = r.number(n.key, in.*n.field, n.min, n.max, std::string(n.meaning) + ".");
    std::vector<std::string> choices;
    for (const auto& [name, t] : targeting_names()) choices.push_back(name);
    const auto t = r.choice("targeting", "random", choices,
        "How workplaces are chosen for visits: at random, by observable risk (past violations, lower tier, SME), or by worker complaints.");
    for (const auto& [name, targeting] : targeting_names())
        if (t == name) in.targeting = targeting;
    in.follow_up_delay_months = int(r.integer("follow_up_delay_months", in.follow_up_delay_months, 1, 36, "Months between a visit and its follow-up."));
    auto reach = r.map("reach", "How far visits reach: relative chance a firm can be visited.");
    for (const auto& n : inspectorate_reach())
        in.*n.field = reach.number(n.key, in.*n.field, n.min, n.max, std::string(n.meaning) + ".");
    in.reach_by_tier.clear();
    for (std::size_t t = 0; t < tiers; ++t) in.reach_by_tier.push_back(std::max(0.1, 1.0 - 0.3 * double(t)));
    const auto tier_reach = read_tier_reach(reach, tiers, "Relative chance by tier, one number per tier in tier order (default 1, 0.7, 0.4, 0.1, ...).");
    if (!tier_reach.empty()) in.reach_by_tier = tier_reach;
    reach.reject_unknown_keys();
    in.detection = read_areas(r, "detection", in.detection, 0, 1,
        "Chance an unannounced visit detects an existing violation");
    r.reject_unknown_keys();
    return in;
}

void read_parameters(FieldReader r, Parameters& p) {
    auto c = r.map("compliance", "How firms decide whether to comply.");
    auto& cp = p.compliance;
    cp.review_rate = c.number("review_rate", cp.review_rate, 0.001, 1, "Monthly chance a firm reconsiders its practice in an area.");
    cp.base_logit = c.number("base_logit", cp.base_logit, -20, 20, "Propensity to comply with nothing else acting (log-odds).");
    cp.area_logit = read_areas(c, "area_logit", cp.area_logit, -20, 20,
        "Area-specific propensity shift (log-odds)");
    cp.area_cost = read_areas(c, "area_cost", cp.area_cost, 0, 10,
        "Monthly cost of complying, relative units (share of margin it takes)");
    cp.deterrence_weight = c.number("deterrence_weight", cp.deterrence_weight, 0, 100, "Weight of the expected cost of being caught (log-odds per month of compliance cost).");
    cp.cost_weight = c.number("cost_weight", cp.cost_weight, 0, 100, "Weight of the cost of complying.");
    cp.capability_weight = c.number("capability_weight", cp.capability_weight, 0, 100, "Weight of management capability.");
    cp.peer_weight = c.number("peer_weight", cp.peer_weight, 0, 100, "Pull of peers' compliance (same country, sector and tier).");
    cp.law_weight = c.number("law_weight", cp.law_weight, 0, 100, "Weight of the strength of the law in the area.");
    cp.price_pressure_weight = c.number("price_pressure_weight", cp.price_pressure_weight, 0, 100, "How much buyers' price pressure raises the cost of compliance.");
    cp.audit_reputation_months = c.number("audit_reputation_months", cp.audit_reputation_months, 0, 1000, "Expected cost of a buyer audit finding, in months of compliance cost.");
    cp.sanction_memory = c.number("sanction_memory", cp.sanction_memory, 0, 1, "Monthly persistence of the raised risk perception after a sanction.");
    cp.sanction_risk_boost = c.number("sanction_risk_boost", cp.sanction_risk_boost, 0, 1, "Rise in perceived monthly visit risk after a sanction (specific deterrence).");
    cp.correction_rate = c.number("correction_rate", cp.correction_rate, 0, 1, "Chance a detected violation is corrected (scaled by capability).");
    cp.announced_concealment = c.number("announced_concealment", cp.announced_concealment, 0, 1, "Share of violations an announced inspection misses because the firm tidies up first (in the decision and in detection).");
    cp.informal_law_reach = c.number("informal_law_reach", cp.informal_law_reach, 0, 1, "Weight of the law on informal firms relative to formal ones (law_strength x this).");
    cp.squeeze_min = c.number("squeeze_min", cp.squeeze_min, 0, 100, "Lower bound of the margin squeeze (sector margin / firm margin) that scales the cost of complying.");
    cp.squeeze_max = c.number("squeeze_max", cp.squeeze_max, 0, 100, "Upper bound of the margin squeeze (at least squeeze_min).");
    if (cp.squeeze_max < cp.squeeze_min)
        c.fail("squeeze_max", "value " + number_text(cp.squeeze_max) + " is below squeeze_min " + number_text(cp.squeeze_min) + ": expected squeeze_max >= squeeze_min");
    cp.correction_capability_base = c.number("correction_capability_base", cp.correction_capability_base, 0, 10, "Correction of a found violation scales with (this + capability).");
    cp.audit_correction_factor = c.number("audit_correction_factor", cp.audit_correction_factor, 0, 1, "Correction after a buyer audit alone (no legal sanction) relative to after an inspection.");
    cp.programme_correction_base = c.number("programme_correction_base", cp.programme_correction_base, 0, 10, "Correction after a programme check scales with (this + the programme's correction_support).");
    cp.sanction_margin_hit = c.number("sanction_margin_hit", cp.sanction_margin_hit, 0, 1, "Margin lost per violation found by an inspection and per month of compliance cost fined, times rule of law.");
    cp.perception_update = c.number("perception_update", cp.perception_update, 0, 1, "Weight of the month's observed visit rate in a segment's perceived visit rate (the rest is last month's).");
    c.reject_unknown_keys();

    auto pr = r.map("production", "Orders, overtime and subcontracting.");
    auto& pp = p.production;
    pp.seasonality = pr.number("seasonality", pp.seasonality, 0, 1, "Amplitude of the yearly order cycle.");
    pp.demand_noise = pr.number("demand_noise", pp.demand_noise, 0, 2, "Standard deviation of month-to-month buyer demand (log scale).");
    pp.base_utilisation = pr.number("base_utilisation", pp.base_utilisation, 0.1, 3, "Tier-1 orders relative to capacity in an average month.");
    pp.domestic_orders = pr.number("domestic_orders", pp.domestic_orders, 0, 3, "Lower tiers' own orders relative to their capacity (the rest comes from above).");
    pp.overtime_capacity = pr.number("overtime_capacity", pp.overtime_capacity, 0, 2, "Hours beyond the legal limit a firm not complying on working time can work, as a share of the limit.");
    pp.habitual_overtime = pr.number("habitual_overtime", pp.habitual_overtime, 0, 2, "Extra hours non-complying firms schedule routinely (thin staffing), as a share of needed hours, doubled at full price pressure.");
    pp.subcontract_base = pr.number("subcontract_base", pp.subcontract_base, 0, 1, "Share of orders a firm passes down to the next tier with no price or time pressure.");
    pp.subcontract_price_weight = pr.number("subcontract_price_weight", pp.subcontract_price_weight, 0, 5, "Rise in that share per unit of price pressure.");
    pp.subcontract_lead_time_weight = pr.number("subcontract_lead_time_weight", pp.subcontract_lead_time_weight, 0, 5, "Rise in that share as lead times fall below the short threshold.");
    pp.informal_subcontract_share = pr.number("informal_subcontract_share", pp.informal_subcontract_share, 0, 1, "Share of passed-down work going to informal units at medium price pressure.");
    pp.short_lead_time_weeks = pr.number("short_lead_time_weeks", pp.short_lead_time_weeks, 0.1, 52, "Lead times shorter than this push more work down the chain.");
    pp.spin_up_months = int(pr.integer("spin_up_months", pp.spin_up_months, 0, 600, "Months simulated before the start (with the start month's policy) and discarded, so outputs begin near the model's steady state."));
    pp.peak_month = int(pr.integer("peak_month", pp.peak_month, 1, 12, "Calendar month (1-12) when buyers' orders peak in the yearly cycle."));
    pp.margin_without_pressure = pr.number("margin_without_pressure", pp.margin_without_pressure, 0, 10, "A firm's normal margin with no price pressure, relative to its sector's margin.");
    pp.margin_pressure_erosion = pr.number("margin_pressure_erosion", pp.margin_pressure_erosion, 0, 10, "Fall in the normal margin (relative to the sector's) per unit of price pressure.");
    pp.margin_recovery = pr.number("margin_recovery", pp.margin_recovery, 0, 1, "Share of the way back to the normal margin a firm's margin makes each month (after sanctions; programmes' productivity gains scale with it).");
    pp.normal_hours_share = pr.number("normal_hours_share", pp.normal_hours_share, 0.1, 1, "Normal weekly hours as a share of the legal limit (the rest of the limit is lawful overtime).");
    pp.habitual_overtime_pressure_weight = pr.number("habitual_overtime_pressure_weight", pp.habitual_overtime_pressure_weight, 0, 10, "Habitual overtime of non-complying firms scales with (1 + this x price pressure).");
    pp.informal_subcontract_pressure_base = pr.number("informal_subcontract_pressure_base", pp.informal_subcontract_pressure_base, 0, 10, "Informal units' share of passed-down work is informal_subcontract_share x (this + price pressure).");
    pr.reject_unknown_keys();

    auto wr = r.map("workers", "Workers' outcomes and moves.");
    auto& wp = p.workers;
    wp.wage_premium_sd = wr.number("wage_premium_sd", wp.wage_premium_sd, 0, 3, "Dispersion of lawful wages above the minimum (log scale).");
    wp.underpayment_depth = wr.number("underpayment_depth", wp.underpayment_depth, 0, 0.9, "Mean shortfall below the lawful wage in firms not complying on wages.");
    wp.gender_pay_gap = wr.number("gender_pay_gap", wp.gender_pay_gap, 0, 0.9, "Extra shortfall for women in firms not complying on discrimination.");
    wp.injury_multiplier = wr.number("injury_multiplier", wp.injury_multiplier, 1, 100, "Injury rate in firms not complying on OSH relative to compliant ones.");
    wp.harassment_rate = wr.number("harassment_rate", wp.harassment_rate, 0, 1, "Monthly chance of harassment in firms complying on discrimination.");
    wp.harassment_multiplier = wr.number("harassment_multiplier", wp.harassment_multiplier, 1, 100, "Relative harassment in firms not complying on discrimination.");
    wp.harassment_female_multiplier = wr.number("harassment_female_multiplier", wp.harassment_female_multiplier, 1, 100, "Relative harassment of women.");
    wp.quit_rate = wr.number("quit_rate", wp.quit_rate, 0, 1, "Monthly chance a worker quits.");
    wp.quit_multiplier_bad_job = wr.number("quit_multiplier_bad_job", wp.quit_multiplier_bad_job, 1, 100, "Relative quit rate after injury, harassment or pay below the minimum.");
    wp.union_join_rate = wr.number("union_join_rate", wp.union_join_rate, 0, 1, "Unused by the dynamics (joining follows the country's density); kept for reference.");
    wp.union_leave_rate = wr.number("union_leave_rate", wp.union_leave_rate, 0, 1, "Monthly chance a member leaves where organising is free (five times higher where it is not).");
    wp.informal_hire_share = wr.number("informal_hire_share", wp.informal_hire_share, 0, 1, "Chance a hire by a firm not complying on contracts is informal.");
    wp.excess_hours_injury_multiplier = wr.number("excess_hours_injury_multiplier", wp.excess_hours_injury_multiplier, 1, 100, "Injury rate of a worker whose firm works beyond the legal weekly limit, relative to within it.");
    wp.union_leave_multiplier_unfree = wr.number("union_leave_multiplier_unfree", wp.union_leave_multiplier_unfree, 1, 100, "How much faster members leave where the firm does not comply on freedom of association.");
    wp.registration_rate = wr.number("registration_rate", wp.registration_rate, 0, 1, "Monthly chance a formal firm complying on contracts registers an informal worker.");
    wp.deregistration_rate = wr.number("deregistration_rate", wp.deregistration_rate, 0, 1, "Monthly chance a formal firm not complying on contracts lets a worker's contract lapse.");
    wp.marginalised_hiring_per_tier = wr.number("marginalised_hiring_per_tier", wp.marginalised_hiring_per_tier, 0, 10, "Rise per tier below tier 1 in the chance a hire is a migrant, minority, indigenous or (where allowed) a child (relative).");
    wp.marginalised_hiring_informal = wr.number("marginalised_hiring_informal", wp.marginalised_hiring_informal, 0, 10, "Added rise of the same chances in informal units (relative).");
    wp.max_debt_months = wr.number("max_debt_months", wp.max_debt_months, 0, 255, "Cap on a migrant's recruitment debt at hire, in months of wages.");
    wp.underpayment_spread = wr.number("underpayment_spread", wp.underpayment_spread, 0, 10, "A firm's underpayment is underpayment_depth x (this + U), U uniform on [0, 1), clamped to 0.02-underpayment_max.");
    wp.underpayment_max = wr.number("underpayment_max", wp.underpayment_max, 0.02, 0.99, "Largest shortfall below the lawful wage a firm pays.");
    wr.reject_unknown_keys();
    p.sme_below_workers = int(r.integer("sme_below_workers", p.sme_below_workers, 1, 1000000, "Firms with fewer workers than this are SMEs (risk-based targeting, programmes' firm_size)."));
    r.reject_unknown_keys();
}

}  // namespace

Scenario resolve_scenario(const ConfigNode& tree, const std::string& source, SchemaRecorder* recorder) {
    Scenario s;
    s.source_file = source;
    ResolvedNode resolved;
    FieldReader root(tree, "", "", recorder, &resolved);
    s.name = root.required_text("name", "Short name of the scenario, used in outputs and reports.");
    s.description = root.text("description", "", "What the scenario assumes, in words (shown in memos).");
    s.start = root.month("start", {2017, 1}, "First simulated month.");
    s.end = root.month("end", {2030, 12}, "Last simulated month.");
    if (s.months() < 1) root.fail("end", "the end month " + s.end.str() + " is before the start month " + s.start.str());
    if (s.months() > 1200) root.fail("end", "the horizon is longer than 100 years");
    s.seed = std::uint64_t(root.integer("seed", 1, 0, 9007199254740991LL, "Master seed; replicate r uses streams keyed by (seed, r)."));
    s.replicates = int(root.integer("replicates", 1, 1, 100000, "Replicates per run (the command line can override)."));

    // Tiers first: countries' inspectorates refer to them.
    auto tier_readers = root.list("tiers", 1, "Supplier tiers from tier 1 (exporters) downwards.");
    for (auto& r : tier_readers) {
        Tier t;
        t.name = read_group_name(r, "Name of the tier.");
        t.worker_share = r.required_number("worker_share", 0, 1, "Share of each country's supply-chain workers in this tier (shares sum to 1).");
        t.mean_firm_size = r.number("mean_firm_size", t.mean_firm_size, 1, 1e6, "Mean workers per firm (per intermediary for homework).");
        t.informality_exposure = r.number("informality_exposure", t.informality_exposure, 0, 10, "A firm is informal with chance country informality x this.");
        t.capability = r.number("capability", t.capability, 0, 1, "Mean management capability of firms in the tier.");
        t.capability_sd = r.number("capability_sd", t.capability_sd, 0, 1, "Spread (sd) of firms' capability around the tier's mean (clamped to 0.02-0.98).");
        t.firm_size_sd = r.number("firm_size_sd", t.firm_size_sd, 0, 5, "Spread (sd, log scale) of firm sizes around the mean (lognormal).");
        t.homework = r.boolean("homework", false, "Whether the tier is homeworkers working through intermediaries.");
        r.reject_unknown_keys();
        s.tiers.push_back(t);
    }
    check_unique(tier_readers, names_of(s.tiers));
    if (s.tiers.size() > 16) root.fail("tiers", "at most 16 tiers are supported");
    const double tier_sum = std::accumulate(s.tiers.begin(), s.tiers.end(), 0.0, [](double a, const Tier& t) { return a + t.worker_share; });
    if (std::abs(tier_sum - 1.0) > share_tolerance)
        root.fail("tiers", "worker_share of the tiers must sum to 1, got " + std::to_string(tier_sum));

    auto country_readers = root.list("countries", 1, "Countries, with their institutions and workforce.");
    for (auto& r : country_readers) {
        Country c;
        c.name = read_group_name(r, "Name of the country.");
        c.workers = r.integer("workers", c.workers, 1, 2000000000, "Workers in the modelled supply chains of this country.");
        c.minimum_wage = r.number("minimum_wage", c.minimum_wage, 0.01, 1e9, "Monthly minimum wage, local units (outputs are ratios to it).");
        c.hours_limit = r.number("hours_limit", c.hours_limit, 1, 168, "Legal weekly working-time limit, hours.");
        c.informality = r.number("informality", c.informality, 0, 1, "Informal employment share (ILO 2018 estimates by region).");
        c.union_density = r.number("union_density", c.union_density, 0, 0.95, "Union density where organising is free.");
        c.rule_of_law = r.number("rule_of_law", c.rule_of_law, 0, 1, "How credible sanctions are, 0 to 1.");
        c.epz_share = r.number("epz_share", c.epz_share, 0, 1, "Share of tier-1 firms inside export processing zones.");
        c.epz_union_access = r.number("epz_union_access", c.epz_union_access, 0, 1, "Freedom of association in EPZs relative to outside.");
        c.law_strength = read_areas(r, "law_strength", c.law_strength, 0, 1, "Strength and coverage of the law, 0 to 1");
        for (auto& rr : r.list("ratified", 0, "Ratified ILO Conventions with dates.")) {
            Ratification rat;
            rat.convention = rr.required_text("convention", "Convention or Protocol, e.g. C87, P29.");
            rat.date = rr.month("date", {1990, 1}, "Month of ratification.");
            rr.reject_unknown_keys();
            c.ratifications.push_back(rat);
        }
        c.migrant_share = r.number("migrant_share", c.migrant_share, 0, 1, "Share of migrants among hires (higher in lower tiers).");
        c.disability_share = r.number("disability_share", c.disability_share, 0, 1, "Share of workers with a disability among hires.");
        c.minority_share = r.number("minority_share", c.minority_share, 0, 1, "Share of ethnic-minority workers among hires.");
        c.indigenous_share = r.number("indigenous_share", c.indigenous_share, 0, 1, "Share of indigenous workers among hires.");
        c.youth_share = r.number("youth_share", c.youth_share, 0, 1, "Share of adult hires aged 18-24.");
        c.older_share = r.number("older_share", c.older_share, 0, 1, "Share of adult hires aged 55 or more.");
        if (c.youth_share + c.older_share > 1) r.fail("older_share", "youth_share + older_share must not exceed 1");
        c.child_hire_risk = r.number("child_hire_risk", c.child_hire_risk, 0, 1, "Chance a hire by a firm not complying on child labour is under 18.");
        c.recruitment_fee_months = r.number("recruitment_fee_months", c.recruitment_fee_months, 0, 60, "Mean recruitment debt of a migrant hire, months of wages.");
        c.inspectorate = read_inspectorate(r.map("inspectorate", "The labour inspectorate."), s.tiers.size());
        r.reject_unknown_keys();
        s.countries.push_back(c);
    }
    check_unique(country_readers, names_of(s.countries));
    const auto country_names = names_of(s.countries);
    const auto tier_names = names_of(s.tiers);

    auto sector_readers = root.list("sectors", 1, "Sectors (e.g. garment, electronics).");
    for (auto& r : sector_readers) {
        Sector x;
        x.name = read_group_name(r, "Name of the sector.");
        auto shares = r.named_numbers("country_share", country_names, 0, 1, "Share of each country's workers in this sector (per country, sums to 1 over sectors).");
        for (const auto& c : country_names) x.country_share.push_back(shares.count(c) ? shares[c] : 0.0);
        auto female = r.named_numbers("female_share", tier_names, 0, 1, "Share of women among hires, per tier (default 0.5).");
        for (const auto& t : tier_names) x.female_share_by_tier.push_back(female.count(t) ? female[t] : 0.5);
        x.margin = r.number("margin", x.margin, 0.001, 1, "Normal operating margin of suppliers.");
        x.labour_cost_share = r.number("labour_cost_share", x.labour_cost_share, 0, 1, "Labour share of unit cost.");
        x.injury_rate = r.number("injury_rate", x.injury_rate, 0, 1000, "Injuries per 1,000 workers per month in compliant firms.");
        r.reject_unknown_keys();
        s.sectors.push_back(x);
    }
    check_unique(sector_readers, names_of(s.sectors));
    for (std::size_t c = 0; c < s.countries.size(); ++c) {
        double sum = 0;
        for (const auto& x : s.sectors) sum += x.country_share[c];
        if (std::abs(sum - 1.0) > share_tolerance)
            root.fail("sectors", "country_share for \"" + s.countries[c].name + "\" must sum to 1 over sectors, got " + std::to_string(sum));
    }
    const auto sector_names = names_of(s.sectors);

    auto buyer_readers = root.list("buyers", 1, "Lead firms (buyers) and their purchasing and auditing practices.");
    for (auto& r : buyer_readers) {
        Buyer b;
        b.name = r.required_text("name", "Name of the buyer.");
        const auto sector = r.choice("sector", "", sector_names, "Sector the buyer sources in.");
        if (sector.empty()) throw InputError(r.mark(), r.field("sector"), "missing required key; expected one of the sector names");
        b.sector = int(std::find(sector_names.begin(), sector_names.end(), sector) - sector_names.begin());
        auto shares = r.named_numbers("country_share", country_names, 0, 1, "Share of the buyer's suppliers in each country (sums to 1).");
        double sum = 0;
        for (const auto& c : country_names) {
            b.country_share.push_back(shares.count(c) ? shares[c] : 0.0);
            sum += b.country_share.back();
        }
        if (std::abs(sum - 1.0) > share_tolerance) r.fail("country_share", "shares must sum to 1, got " + std::to_string(sum));
        b.order_share = r.number("order_share", b.order_share, 0, 1e6, "Weight of the buyer in its sector's orders.");
        b.price_pressure = r.number("price_pressure", b.price_pressure, 0, 1, "Price pressure on suppliers, 0 to 1.");
        b.lead_time_weeks = r.number("lead_time_weeks", b.lead_time_weeks, 0.1, 52, "Order lead time, weeks.");
        b.audits_per_year = r.number("audits_per_year", b.audits_per_year, 0, 52, "Social audits per tier-1 supplier per year.");
        b.audit_detection = r.number("audit_detection", b.audit_detection, 0, 1, "Audit detection relative to an unannounced inspection.");
        b.audit_reach_lower_tiers = r.number("audit_reach_lower_tiers", b.audit_reach_lower_tiers, 0, 1, "How far audits reach below tier 1, relative to tier 1.");
        r.reject_unknown_keys();
        s.buyers.push_back(b);
    }
    check_unique(buyer_readers, names_of(s.buyers));
    for (std::size_t x = 0; x < s.sectors.size(); ++x)
        for (std::size_t c = 0; c < s.countries.size(); ++c) {
            if (s.sectors[x].country_share[c] <= 0) continue;
            double w = 0;
            for (const auto& b : s.buyers) if (b.sector == int(x)) w += b.order_share * b.country_share[c];
            if (w <= 0) root.fail("buyers", "sector \"" + s.sectors[x].name + "\" has workers in \"" + s.countries[c].name + "\" but no buyer sources there");
        }

    read_parameters(root.map("parameters", "Behavioural parameters (defaults documented in docs/model)."), s.parameters);
    read_interventions(root, tree, s);  // docs/model/interventions.md
    read_assessments(root, s);
    read_uncertainty(tree, &root, recorder);  // checked here; the ensemble is drawn by runs/parameter_ensemble.hpp
    auto outputs = root.map("outputs", "What is written.");
    s.outputs.dimensions = outputs.strings(
        "dimensions", {default_dimensions.begin(), default_dimensions.end()}, dimension_entries_allowed(),
        [&s](const std::vector<std::string>& entries, std::size_t i) { return dimension_entry_problem(s, entries, i); },
        "Disaggregations written (group \"all\" is always written): one group per value of each dimension, and one "
        "per combination of values of each crossing (docs/output-schema.md). programme and years_in_programme "
        "(the employer's programme cohort) are written only when listed.");
    s.outputs.compression = int(outputs.integer(
        "compression", s.outputs.compression, 0, 9,
        "Deflate level of the indicator datasets: 0 writes fastest (sweeps of small worlds; files about 1.6x larger), 9 smallest."));
    outputs.reject_unknown_keys();
    root.reject_unknown_keys();
    if (s.total_workers() > 2000000000LL) root.fail("countries", "more than 2,000,000,000 workers in total");
    s.resolved_yaml = resolved.to_yaml();
    return s;
}

Scenario load_scenario(const std::string& path) { return resolve_scenario(load_config(path), path); }

}  // namespace supplysim
