#include "supplysim/runs/calibration/calibrate.hpp"

#include <chrono>

#include "supplysim/runs/calibration/abc.hpp"
#include "supplysim/runs/calibration/msm.hpp"

namespace supplysim::calibration {

CalibrationResult calibrate(const CalibrationSpec& spec, const Log& log) {
    Evaluator ev(spec);
    return calibrate(spec, ev, log);
}

CalibrationResult calibrate(const CalibrationSpec& spec, Evaluator& ev, const Log& log) {
    const auto t0 = std::chrono::steady_clock::now();
    log("calibration " + spec.name + ": method " + method_name(spec.method.kind) + ", " + std::to_string(spec.parameters.size()) +
        " parameters, " + std::to_string(spec.targets.size()) + " targets, " + std::to_string(ev.plan().replicates) +
        " replicates per candidate, " + std::to_string(ev.plan().base.months()) + " months");
    CalibrationResult res = spec.method.kind == MethodKind::msm ? run_msm(spec, ev, log) : run_abc(spec, ev, log);
    std::vector<std::vector<double>> sd;
    res.moments_at_estimate = ev.evaluate({res.estimate}, &sd)[0];
    res.sd_at_estimate = sd[0];
    res.distance_at_estimate = ev.moments().distance(res.moments_at_estimate);
    res.total_simulations = ev.simulations();
    res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return res;
}

}  // namespace supplysim::calibration
