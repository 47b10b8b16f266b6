#include "supplysim/phases/labour_market.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstring>

#include "supplysim/population.hpp"
#include "supplysim/rng_batch.hpp"

namespace supplysim {

namespace {
constexpr double formalisation_rate = 0.05;  // monthly chance a complying firm registers an informal worker
constexpr double informalisation_rate = 0.01; // monthly chance a non-complying firm lets a contract lapse

// Performance (docs/performance.md): most workers stay as they are in a month, so the loop first
// tests 16 workers at once for anything to do, and draws the contract changes of a batch with the
// batched Philox, which gives exactly the words CounterRng::uniforms would.
using bytes16 = std::uint8_t __attribute__((vector_size(16)));

// Whether any of workers [i, i + 16) quit, must go as a child, or may change contract.
bool any_to_move(const Workers& workers, std::uint32_t i, bool no_child, bool contract_may_change, bool contracts) {
    bytes16 st, d;
    std::memcpy(&st, &workers.status[i], 16);
    std::memcpy(&d, &workers.demography[i], 16);
    auto todo = (st & status::quit) != 0;
    if (no_child) todo |= (d & demo::age_mask) == std::uint8_t(demo::under_18 << demo::age_shift);
    // A contract may change where its formality is what the firm's compliance would change.
    const std::uint8_t changes_if = contracts ? status::informal : 0;
    if (contract_may_change) todo |= (st & status::informal) == changes_if;
    std::uint64_t half[2];
    std::memcpy(half, &todo, 16);
    return (half[0] | half[1]) != 0;
}

}  // namespace

void move_workers(World& w, const Scenario& s, const CounterRng& rng, int month) {
    auto& firms = w.firms;
    auto& workers = w.workers;
    const std::uint64_t formalise = draw_threshold(formalisation_rate), informalise = draw_threshold(informalisation_rate);
    auto run_firms = [&](std::size_t first_firm, std::size_t last_firm) {
        std::uint32_t bits[4][philox_batch];
        for (std::size_t f = first_firm; f != last_firm; ++f) {
            const bool no_child = firms.complies(f, Area::child_labour);
            const bool contracts = firms.complies(f, Area::contracts);
            const bool informal_firm = firms.kind[f] & firm_kind::informal;
            const auto end = firms.worker_begin[f + 1];
            for (auto i0 = firms.worker_begin[f]; i0 < end; i0 += philox_batch) {
                const auto batch_end = std::min(end, i0 + std::uint32_t(philox_batch));
                if (batch_end - i0 == philox_batch && !any_to_move(workers, i0, no_child, !informal_firm, contracts)) continue;
                bool drawn = false;
                for (auto i = i0; i < batch_end; ++i) {
                    const bool child = demo::age_band(workers.demography[i]) == demo::under_18;
                    if ((workers.status[i] & status::quit) || (child && no_child)) {
                        hire_worker(w, s, f, i, rng, std::uint32_t(month), Purpose::hire);
                        continue;
                    }
                    if (informal_firm) continue;
                    const bool informal = workers.status[i] & status::informal;
                    if (contracts != informal) continue;  // nothing to change: formal where lawful, informal where not
                    if (!drawn) philox_bits(rng, std::uint32_t(month), i0, Purpose::labour_market, 0, bits), drawn = true;
                    const std::uint32_t r = bits[0][i - i0];  // u < p exactly when r < draw_threshold(p)
                    if (contracts && informal && r < formalise) workers.status[i] &= ~status::informal;
                    if (!contracts && !informal && r < informalise) {
                        workers.status[i] |= status::informal;
                        workers.status[i] &= ~status::union_member;
                    }
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
