// Candidates as runs of a sweep plan: the base scenario tree (with the calibration's settings) and
// the free keys set per run, resolved and simulated exactly as `supplysim sweep` does.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "supplysim/input/key_path.hpp"
#include "supplysim/input/scenario_loader.hpp"
#include "supplysim/input/uncertainty.hpp"
#include "supplysim/runs/calibration/evaluator.hpp"
#include "supplysim/runs/experiment.hpp"
#include "supplysim/runs/sweep/sweep_runner.hpp"

namespace supplysim::calibration {

namespace {

sweep::SweepPlan make_plan(const CalibrationSpec& spec) {
    sweep::SweepPlan plan;
    plan.spec.file = spec.file;
    plan.spec.text = spec.text;
    plan.spec.base_file = spec.base_file;
    plan.spec.name = spec.name;
    plan.spec.design = sweep::DesignKind::lhs;
    plan.spec.seed = spec.seed;
    plan.spec.replicates = spec.replicates;
    for (const auto& p : spec.parameters) {
        sweep::ParameterSpec ps;
        ps.path = p.path;
        ps.mark = p.mark;
        ps.kind = sweep::ValueKind::number;
        ps.min = p.prior.lower();
        ps.max = p.prior.upper();
        plan.spec.parameters.push_back(ps);
    }
    plan.base_tree = load_config(spec.base_file);
    refuse_uncertainty(plan.base_tree, "calibrate");
    for (std::size_t i = 0; i < spec.settings.size(); ++i)
        set_key_path(plan.base_tree, spec.settings[i].first, spec.settings[i].second, spec.setting_marks[i]);
    plan.base = resolve_scenario(plan.base_tree, spec.file);
    plan.replicates = spec.replicates > 0 ? spec.replicates : plan.base.replicates;
    // Check that every free key exists: the scenario at the centre of the prior box must resolve.
    std::vector<double> centre;
    for (const auto& p : spec.parameters) centre.push_back(0.5 * (p.prior.box_lower() + p.prior.box_upper()));
    plan.codes = {centre};
    (void)sweep::scenario_for_run(plan, 0);
    plan.codes.clear();
    return plan;
}

}  // namespace

Evaluator::Evaluator(const CalibrationSpec& spec) : plan_(make_plan(spec)), moments_(spec.targets, plan_.base) {}

std::vector<std::vector<double>> Evaluator::evaluate(const std::vector<std::vector<double>>& thetas,
                                                     std::vector<std::vector<double>>* replicate_sd) {
    std::vector<std::vector<double>> out(thetas.size());
    if (remote_) {
        std::vector<std::vector<double>> sd;
        remote_(thetas, out, sd);
        if (replicate_sd) *replicate_sd = std::move(sd);
        simulations_ += int(thetas.size());
        return out;
    }
    plan_.codes = thetas;
    if (replicate_sd) replicate_sd->assign(thetas.size(), {});
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, thetas.size(), 1),
        [&](const tbb::blocked_range<std::size_t>& range) {
            for (std::size_t i = range.begin(); i != range.end(); ++i) {
                if (cancellation_flag().load()) throw Cancelled();
                const auto series = sweep::simulate_run(plan_, int(i));
                out[i] = moments_.simulate(series);
                if (replicate_sd) (*replicate_sd)[i] = moments_.replicate_sd(series);
            }
        },
        tbb::simple_partitioner());
    simulations_ += int(thetas.size());
    return out;
}

}  // namespace supplysim::calibration
