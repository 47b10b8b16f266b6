#include "supplysim/model/phases/formalisation.hpp"

#include "model/firm_loop.hpp"

namespace supplysim {

void register_informal(World& w, const Policy& policy, const CounterRng& rng, int step, int month) {
    if (month < 0) return;
    auto& firms = w.firms;
    auto& workers = w.workers;
    for_each_firm(w, 0, firms.size(), [&](std::size_t f) {
        const auto& cp = policy.countries[firms.country[f]];
        if (cp.firm_registration_per_year <= 0 && cp.worker_registration <= 0) return;
        const auto u = rng.uniforms(std::uint32_t(step), std::uint32_t(f), Purpose::registration, 0);
        if ((firms.kind[f] & firm_kind::informal) && (cp.register_homework || !(firms.kind[f] & firm_kind::homework)) &&
            u[0] < cp.firm_registration_per_year / 12.0)
            firms.kind[f] &= std::uint8_t(~firm_kind::informal);
        if (cp.worker_registration <= 0 || (firms.kind[f] & firm_kind::informal) || !firms.complies(f, Area::contracts)) return;
        for (auto i = firms.worker_begin[f]; i < firms.worker_begin[f + 1]; ++i) {
            if (!(workers.status[i] & status::informal)) continue;
            if (rng.uniforms(std::uint32_t(step), i, Purpose::registration, 1)[0] < cp.worker_registration)
                workers.status[i] &= std::uint8_t(~status::informal);
        }
    });
}

}  // namespace supplysim
