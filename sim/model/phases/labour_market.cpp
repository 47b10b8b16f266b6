#include "supplysim/model/phases/labour_market.hpp"

#include <algorithm>
#include <cstring>

#include "model/firm_loop.hpp"
#include "model/rng_batch.hpp"
#include "supplysim/model/hiring.hpp"

namespace supplysim {

namespace {
// Performance (docs/performance.md): most workers stay as they are in a month, so a whole batch of
// 16 workers is tested at once, its contract changes are applied with masks from the batched Philox
// (which gives exactly the words CounterRng::uniforms would), and only hires go one by one.
using bytes16 = std::uint8_t __attribute__((vector_size(16)));
using words16 = std::uint32_t __attribute__((vector_size(64)));

bool any(const bytes16& mask) {
    std::uint64_t half[2];
    std::memcpy(half, &mask, 16);
    return (half[0] | half[1]) != 0;
}

// What the month does to a firm's workers (its compliance, fixed for the month).
struct FirmLabourRules {
    bool no_child;            // complies on child labour: children are let go and replaced
    bool contracts;           // complies on contracts: informal workers may be registered
    bool contract_may_change; // not an informal unit, where nobody has a contract
    std::uint32_t formalise, informalise;  // draw thresholds of the two contract changes
};

// Inlined: a call per batch of 16 workers costs about 1% of a run (callgrind).
[[gnu::always_inline]] inline void move_batch(World& w, const Scenario& s, const CounterRng& rng, std::uint32_t step,
                                              std::size_t f, std::uint32_t i0, const FirmLabourRules& r) {
    auto& workers = w.workers;
    bytes16 st, d;
    std::memcpy(&st, &workers.status[i0], 16);
    std::memcpy(&d, &workers.demography[i0], 16);
    bytes16 hire = bytes16((st & status::quit) != 0);
    if (r.no_child) hire |= bytes16((d & demo::age_mask) == std::uint8_t(demo::under_18 << demo::age_shift));
    // A contract may change where its formality is what the firm's compliance would change.
    const std::uint8_t changes_if = r.contracts ? status::informal : 0;
    bytes16 change = r.contract_may_change ? bytes16((st & status::informal) == changes_if) & ~hire : bytes16{};
    if (any(change)) {
        std::uint32_t bits[4][philox_batch];
        philox_bits(rng, step, i0, Purpose::labour_market, 0, bits);
        words16 word;
        std::memcpy(&word, bits[0], 64);
        // u < p exactly when the word is below draw_threshold(p).
        change &= __builtin_convertvector(word < (r.contracts ? r.formalise : r.informalise), bytes16);
        st = r.contracts ? st & ~(change & status::informal)
                         : (st | (change & status::informal)) & ~(change & status::union_member);
        std::memcpy(&workers.status[i0], &st, 16);
    }
    if (!any(hire)) return;
    for (int j = 0; j < philox_batch; ++j)
        if (hire[j]) hire_worker(w, s, f, i0 + std::uint32_t(j), rng, step, Purpose::hire);
}

// The same rules one worker at a time, for the short batch at the end of a firm.
void move_worker(World& w, const Scenario& s, const CounterRng& rng, std::uint32_t step, std::size_t f,
                 std::uint32_t i, const FirmLabourRules& r) {
    auto& workers = w.workers;
    const bool child = demo::age_band(workers.demography[i]) == demo::under_18;
    if ((workers.status[i] & status::quit) || (child && r.no_child)) return hire_worker(w, s, f, i, rng, step, Purpose::hire);
    if (!r.contract_may_change) return;
    const bool informal = workers.status[i] & status::informal;
    if (r.contracts != informal) return;  // nothing to change: formal where lawful, informal where not
    // Drawn only for the few workers whose contract may change, so one scalar block each.
    const double u = rng.uniforms(step, i, Purpose::labour_market)[0];
    if (r.contracts && informal && u < s.parameters.workers.registration_rate) workers.status[i] &= ~status::informal;
    if (!r.contracts && !informal && u < s.parameters.workers.deregistration_rate) {
        workers.status[i] |= status::informal;
        workers.status[i] &= ~status::union_member;
    }
}

}  // namespace

void move_workers(World& w, const Scenario& s, const CounterRng& rng, int step) {
    auto& firms = w.firms;
    const auto formalise = std::uint32_t(draw_threshold(s.parameters.workers.registration_rate));
    const auto informalise = std::uint32_t(draw_threshold(s.parameters.workers.deregistration_rate));
    for_firm_ranges(w, [&](std::size_t first_firm, std::size_t last_firm) {
        for (std::size_t f = first_firm; f != last_firm; ++f) {
            const FirmLabourRules rules{firms.complies(f, Area::child_labour), firms.complies(f, Area::contracts),
                                        !(firms.kind[f] & firm_kind::informal), formalise, informalise};
            const auto end = firms.worker_begin[f + 1];
            auto i = firms.worker_begin[f];
            for (; i + philox_batch <= end; i += philox_batch) move_batch(w, s, rng, std::uint32_t(step), f, i, rules);
            for (; i < end; ++i) move_worker(w, s, rng, std::uint32_t(step), f, i, rules);
        }
    });
}

}  // namespace supplysim
