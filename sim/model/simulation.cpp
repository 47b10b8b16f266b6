#include "supplysim/model/simulation.hpp"

#include "supplysim/model/phases/compliance.hpp"
#include "supplysim/model/phases/formalisation.hpp"
#include "supplysim/model/phases/inspection.hpp"
#include "supplysim/model/phases/labour_market.hpp"
#include "supplysim/model/phases/orders.hpp"
#include "supplysim/model/phases/peer_norms.hpp"
#include "supplysim/model/phases/programme_outcomes.hpp"
#include "supplysim/model/phases/programmes.hpp"
#include "supplysim/model/phases/subcontracting.hpp"
#include "supplysim/model/phases/worker_outcomes.hpp"
#include "supplysim/model/policy.hpp"
#include "supplysim/model/population.hpp"
#include "supplysim/model/rng.hpp"

namespace supplysim {

Series simulate_replicate(const Scenario& s, const GroupLayout& layout, int replicate, const MonthObserver& observe) {
    const CounterRng rng(s.seed, std::uint32_t(replicate));
    // The baseline policy holds in every spin-up month, and in every month when the scenario has no
    // interventions (policy_for_month returns it before looking at the month), so it is built once.
    const Policy baseline = policy_for_month(s, -1);
    const bool policy_changes = !s.interventions.empty();
    World world = build_world(s, baseline, rng);
    Series series;
    series.indicators = int(indicator_catalogue().size());
    series.months = s.months();
    series.groups = layout.group_count();
    series.values.assign(std::size_t(series.indicators) * series.months * series.groups, 0.0);
    MonthCells cells(std::size_t(layout.cell_count()));
    MonthRecorder recorder(layout);  // record_month with the group lists prepared once per run
    Policy month_policy;
    // Steps before `spin_up` run under the baseline policy (no intervention in force) and are not
    // recorded; the step index (not the calendar month) keys the random streams.
    const int spin_up = s.parameters.production.spin_up_months;
    for (int step = 0; step < spin_up + s.months(); ++step) {
        const int month = step - spin_up;
        if (policy_changes && month >= 0) month_policy = policy_for_month(s, month);
        const Policy& policy = policy_changes && month >= 0 ? month_policy : baseline;
        place_orders(world, s, policy, rng, step);
        produce_and_subcontract(world, s, policy, step);
        register_informal(world, policy, rng, step, month);
        run_programmes(world, s, policy, rng, step, month);
        if (layout.counts_cohorts()) layout.assign_cell_blocks(world, month);  // firms' programme cohorts
        decide_compliance(world, s, policy, rng, step);
        inspect_and_audit(world, s, policy, rng, step);
        // live_the_month clears and refills the rows in use; no 1 MB clear per month (docs/performance.md).
        live_the_month(world, s, policy, rng, step, cells);
        count_programme_outcomes(world, s, policy, rng, step, cells.values);
        move_workers(world, s, rng, step);
        update_peer_norms(world);
        if (month < 0) continue;
        recorder.record(cells, month, series);
        if (observe) observe(month, world);
    }
    return series;
}

}  // namespace supplysim
