// Unit tests of the monthly phases: each mechanism moves in the documented direction.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "supplysim/model/phases/compliance.hpp"
#include "supplysim/model/phases/inspection.hpp"
#include "supplysim/model/phases/labour_market.hpp"
#include "supplysim/model/phases/orders.hpp"
#include "supplysim/model/phases/subcontracting.hpp"
#include "supplysim/model/phases/worker_outcomes.hpp"
#include "supplysim/model/population.hpp"
#include "test_support.hpp"

using namespace supplysim;

TEST_CASE("compliance: deterrence, capability, peers and law raise the chance to comply, cost lowers it", "[phases][compliance][sanitizer]") {
    const ComplianceParameters p;
    CountryPolicy country;
    country.rule_of_law = 0.5;
    country.law_strength.fill(0.5);
    ComplianceInputs base;
    base.perceived_visit_rate = 0.01;
    const double p0 = comply_probability(p, country, Area::osh, base);
    auto with = [&](auto change) {
        ComplianceInputs in = base;
        change(in);
        return comply_probability(p, country, Area::osh, in);
    };
    CHECK(with([](auto& in) { in.perceived_visit_rate = 0.2; }) > p0);
    CHECK(with([](auto& in) { in.audit_rate = 0.1; in.audit_detection = 0.5; }) > p0);
    CHECK(with([](auto& in) { in.capability = 0.9; }) > p0);
    CHECK(with([](auto& in) { in.peer_share = 0.9; }) > p0);
    CHECK(with([](auto& in) { in.price_pressure = 1.0; }) < p0);
    CHECK(with([](auto& in) { in.margin_squeeze = 3.0; }) < p0);
    CHECK(with([](auto& in) { in.informal = true; }) < p0);
    CountryPolicy strong = country;
    strong.law_strength.fill(0.9);
    CHECK(comply_probability(p, strong, Area::osh, base) > p0);
    CHECK(p0 > 0.0);
    CHECK(p0 < 1.0);
}

TEST_CASE("subcontracting: price pressure and short lead times pass more work down", "[phases][subcontracting][sanitizer]") {
    const ProductionParameters p;
    CHECK(subcontract_share(p, 0.8, 8) > subcontract_share(p, 0.2, 8));
    CHECK(subcontract_share(p, 0.5, 2) > subcontract_share(p, 0.5, 10));
    CHECK(subcontract_share(p, 0.5, 10) == Approx(subcontract_share(p, 0.5, 20)));  // no rush beyond the threshold
    CHECK(subcontract_share(p, 0.0, 52) == Approx(p.subcontract_base));
}

namespace {
// Share of lower-tier orders that came from above, after one month of orders and subcontracting.
double subcontracted_order_share(const Scenario& s) {
    const Policy policy = policy_for_month(s, 0);
    const CounterRng rng(s.seed, 0);
    World w = build_world(s, policy, rng);
    place_orders(w, s, policy, rng, 0);
    produce_and_subcontract(w, s, policy, 0);
    double from_above = 0, all = 0;
    for (std::size_t f = 0; f < w.firms.size(); ++f) {
        all += w.firms.orders[f];
        from_above += w.firms.subcontracted_in[f];
    }
    return from_above / all;
}
}  // namespace

TEST_CASE("subcontracting: orders flow down the tiers, more of them under pressure", "[phases][subcontracting][sanitizer]") {
    const Scenario calm = test::small_scenario();
    const double base = subcontracted_order_share(calm);
    CHECK(base > 0.02);
    // Raising pressure after the chain is set up (same buyer terms at build) moves work down.
    Scenario pressed = calm;
    for (auto& b : pressed.buyers) b.price_pressure = 1.0, b.lead_time_weeks = 2;
    const Policy calm_policy = policy_for_month(calm, 0);
    const CounterRng rng(calm.seed, 0);
    World w = build_world(calm, calm_policy, rng);
    const Policy pressed_policy = policy_for_month(pressed, 0);
    place_orders(w, pressed, pressed_policy, rng, 0);
    produce_and_subcontract(w, pressed, pressed_policy, 0);
    double from_above = 0, all = 0;
    for (std::size_t f = 0; f < w.firms.size(); ++f) all += w.firms.orders[f], from_above += w.firms.subcontracted_in[f];
    CHECK(from_above / all > base);
}

TEST_CASE("inspection: reach limits who can be visited, risk targeting favours past offenders", "[phases][inspection][sanitizer]") {
    const Scenario s = test::small_scenario();
    World w = build_world(s, policy_for_month(s, 0), CounterRng(s.seed, 0));
    Inspectorate insp = s.countries[0].inspectorate;
    insp.targeting = Targeting::random;
    insp.reach_informal = 0.0;
    std::size_t informal = w.firms.size(), formal_t1 = w.firms.size();
    for (std::size_t f = 0; f < w.firms.size(); ++f) {
        if (w.firms.kind[f] & firm_kind::informal) informal = f;
        else if (w.firms.tier[f] == 0) formal_t1 = f;
    }
    REQUIRE(informal < w.firms.size());
    REQUIRE(formal_t1 < w.firms.size());
    CHECK(visit_weight(w, insp, informal) == 0.0);
    CHECK(visit_weight(w, insp, formal_t1) == Approx(insp.reach_by_tier[0]));
    insp.targeting = Targeting::risk_based;
    const double before = visit_weight(w, insp, formal_t1);
    w.firms.sanction_risk[formal_t1] = 0.3;
    CHECK(visit_weight(w, insp, formal_t1) > before);
}

TEST_CASE("inspection: more inspectors visit more firms and find more", "[phases][inspection][sanitizer]") {
    auto visits = [](double inspectors) {
        Scenario s = test::small_scenario();
        for (auto& c : s.countries) c.inspectorate.inspectors_per_10k_workers = inspectors;
        const Policy policy = policy_for_month(s, 0);
        const CounterRng rng(s.seed, 0);
        World w = build_world(s, policy, rng);
        int visited = 0;
        for (int m = 0; m < 6; ++m) {
            inspect_and_audit(w, s, policy, rng, m);
            for (auto v : w.firms.inspected) visited += v;
        }
        return visited;
    };
    const int few = visits(0.2), many = visits(5.0);
    CHECK(few >= 0);
    CHECK(many > few);
    CHECK(visits(0.0) == 0);
}

TEST_CASE("worker outcomes: wages fall below the minimum only where firms do not comply", "[phases][workers][sanitizer][threads]") {
    const Scenario s = test::small_scenario();
    World w = build_world(s, policy_for_month(s, 0), CounterRng(s.seed, 0));
    const std::size_t f = 0;
    const auto i = w.firms.worker_begin[f];
    w.workers.status[i] &= ~status::informal;
    w.workers.wage_premium[i] = 1.1f;
    w.firms.compliant[f] = 0xFF;
    CHECK(wage_ratio(w, s, f, i) == Approx(1.1));
    w.firms.compliant[f] = std::uint8_t(0xFF & ~(1u << index(Area::wages)));
    CHECK(wage_ratio(w, s, f, i) == Approx(1.1 * (1.0 - w.firms.underpayment[f])));
    w.firms.compliant[f] = std::uint8_t(0xFF & ~(1u << index(Area::wages)) & ~(1u << index(Area::discrimination)));
    w.workers.demography[i] |= demo::female;
    CHECK(wage_ratio(w, s, f, i) < 1.1 * (1.0 - w.firms.underpayment[f]));
}

TEST_CASE("worker outcomes: non-compliance on OSH raises injuries, counted per cell", "[phases][workers][sanitizer][threads]") {
    auto injuries = [](std::uint8_t osh_bit) {
        const Scenario s = test::small_scenario();
        const Policy policy = policy_for_month(s, 0);
        const CounterRng rng(s.seed, 0);
        World w = build_world(s, policy, rng);
        for (auto& c : w.firms.compliant) c = std::uint8_t(osh_bit ? (c | 1u) : (c & ~1u));
        std::uint64_t total = 0, employed = 0;
        const GroupLayout layout(s);
        for (int m = 0; m < 12; ++m) {
            MonthCells cells(std::size_t(layout.cell_count()));
            live_the_month(w, s, policy, rng, m, cells);
            for (int c = 0; c < layout.cell_count(); ++c) {
                total += cells.values[std::size_t(c) * counter_count + c_injuries];
                employed += cells.values[std::size_t(c) * counter_count + c_employed];
            }
        }
        REQUIRE(employed > 0);
        return double(total) / double(employed);
    };
    CHECK(injuries(0) > 1.5 * injuries(1));
}

TEST_CASE("indicators: the month recorder gives record_month's values from the rows in use", "[phases][indicators][determinism]") {
    // The default groups, and crossings of segment dimensions, of demographic ones and of both.
    const Scenario s = GENERATE(test::small_scenario(), test::small_with(
        "outputs: {dimensions: [country, gender, country*tier, gender*age_band, country*gender, sector*migrant*formality]}\n"));
    const Policy policy = policy_for_month(s, 0);
    const CounterRng rng(s.seed, 1);
    World w = build_world(s, policy, rng);
    const GroupLayout layout(s);
    MonthCells cells(std::size_t(layout.cell_count()));
    MonthRecorder recorder(layout);
    Series fast, slow;
    for (Series* series : {&fast, &slow}) {
        series->indicators = int(indicator_catalogue().size());
        series->months = 6;
        series->groups = layout.group_count();
        series->values.assign(std::size_t(series->indicators) * series->months * series->groups, 0.0);
    }
    for (int m = 0; m < 6; ++m) {
        place_orders(w, s, policy, rng, m);
        produce_and_subcontract(w, s, policy, m);
        decide_compliance(w, s, policy, rng, m);
        inspect_and_audit(w, s, policy, rng, m);
        live_the_month(w, s, policy, rng, m, cells);
        REQUIRE(!cells.rows.empty());
        for (std::size_t row = 0; row < cells.values.size(); row += counter_count) {
            const bool listed = std::find(cells.rows.begin(), cells.rows.end(), std::uint32_t(row)) != cells.rows.end();
            REQUIRE(listed == (cells.values[row + c_employed] > 0));  // the list is exactly the rows in use
        }
        recorder.record(cells, m, fast);
        record_month(cells.values, layout, m, slow);
        move_workers(w, s, rng, m);
    }
    REQUIRE(fast.values.size() == slow.values.size());
    for (std::size_t i = 0; i < slow.values.size(); ++i) {
        if (std::isnan(slow.values[i])) REQUIRE(std::isnan(fast.values[i]));
        else REQUIRE(fast.values[i] == slow.values[i]);
    }
}
