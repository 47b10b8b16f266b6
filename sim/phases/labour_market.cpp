#include "supplysim/phases/labour_market.hpp"

#include <tbb/parallel_for.h>

#include "supplysim/population.hpp"

namespace supplysim {

namespace {
constexpr double formalisation_rate = 0.05;  // monthly chance a complying firm registers an informal worker
constexpr double informalisation_rate = 0.01; // monthly chance a non-complying firm lets a contract lapse
}  // namespace

void move_workers(World& w, const Scenario& s, const CounterRng& rng, int month) {
    auto& firms = w.firms;
    auto& workers = w.workers;
    auto run_firms = [&](std::size_t first_firm, std::size_t last_firm) {
        for (std::size_t f = first_firm; f != last_firm; ++f) {
            const bool no_child = firms.complies(f, Area::child_labour);
            const bool contracts = firms.complies(f, Area::contracts);
            const bool informal_firm = firms.kind[f] & firm_kind::informal;
            for (auto i = firms.worker_begin[f]; i < firms.worker_begin[f + 1]; ++i) {
                const bool child = demo::age_band(workers.demography[i]) == demo::under_18;
                if ((workers.status[i] & status::quit) || (child && no_child)) {
                    hire_worker(w, s, f, i, rng, std::uint32_t(month), Purpose::hire);
                    continue;
                }
                if (informal_firm) continue;
                const bool informal = workers.status[i] & status::informal;
                if (contracts != informal) continue;  // nothing to change: formal where lawful, informal where not
                // Drawn only for the few workers whose contract may change, so one scalar block each.
                const double u = rng.uniforms(std::uint32_t(month), i, Purpose::labour_market)[0];
                if (contracts && informal && u < formalisation_rate) workers.status[i] &= ~status::informal;
                if (!contracts && !informal && u < informalisation_rate) {
                    workers.status[i] |= status::informal;
                    workers.status[i] &= ~status::union_member;
                }
            }
        }
    };
    // Small worlds (sweeps) stay on the calling thread: waking others costs more than the work.
    if (workers.size() < 16384) return run_firms(0, firms.size());
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, firms.size()),
                      [&](const tbb::blocked_range<std::size_t>& r) { run_firms(r.begin(), r.end()); });
}

}  // namespace supplysim
