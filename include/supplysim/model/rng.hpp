#pragma once
// Counter-based random numbers (Random123 Philox4x32-10). Every draw is a pure function of
// (seed, replicate, step, agent, purpose), so results do not depend on thread count, on the order
// agents are visited, or on how runs are spread over MPI ranks. The `month` argument of the generators
// is the step: months counted from the start of the spin-up.
#include <Random123/philox.h>

#include <array>
#include <cmath>
#include <cstdint>

namespace supplysim {

// Why a draw is made; keeps the streams of different decisions independent.
enum class Purpose : std::uint32_t {
    build_firm = 1,
    build_worker,
    orders,
    compliance,
    inspection,
    audit,
    worker_outcome,
    labour_market,
    hire,
    programme_enrolment,  // interventions: joining a firm programme (and fixed coverage draws)
    programme_check,      // interventions: programme assessments and grievance-led checks
    registration,         // interventions: formalisation of informal units and workers
    // Interventions: whether an injury is compensated (social protection). It shares registration's
    // number, because streams are keyed by the number and a new one would change every result with
    // injury cover; its draws use block 2 of an agent, registration's use blocks 0 and 1.
    injury_compensation = registration,
    parameter_draw = 13,  // parameter ensembles: keyed by (seed, draw) instead of (seed, replicate)
};

class CounterRng {
public:
    CounterRng(std::uint64_t seed, std::uint32_t replicate)
        : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
          replicate_(replicate) {}

    // Four independent uniform numbers in (0, 1) for one agent, month and purpose.
    std::array<double, 4> uniforms(std::uint32_t month, std::uint32_t agent, Purpose purpose) const {
        return to_unit(bits(month, agent, purpose, 0));
    }
    // A second block for the same agent, month and purpose when four numbers are not enough.
    std::array<double, 4> uniforms(std::uint32_t month, std::uint32_t agent, Purpose purpose,
                                   std::uint32_t block) const {
        return to_unit(bits(month, agent, purpose, block));
    }

    // The stream's identity, for batched generators that reproduce these draws (rng_batch.hpp).
    std::uint64_t seed() const { return key_[0] | (std::uint64_t(key_[1]) << 32); }
    std::uint32_t replicate() const { return replicate_; }

    // Standard normal from two uniforms (Box-Muller); deterministic and branch-free.
    static double normal(double u1, double u2) {
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

private:
    using Philox = r123::Philox4x32;

    Philox::ctr_type bits(std::uint32_t month, std::uint32_t agent, Purpose purpose,
                          std::uint32_t block) const {
        Philox::ctr_type ctr = {{agent, month, static_cast<std::uint32_t>(purpose) | (block << 8),
                                 replicate_}};
        return Philox{}(ctr, key_);
    }
    static std::array<double, 4> to_unit(const Philox::ctr_type& r) {
        // (x + 0.5) / 2^32 lies strictly inside (0, 1), so logs and divisions are safe.
        constexpr double scale = 1.0 / 4294967296.0;
        return {(r[0] + 0.5) * scale, (r[1] + 0.5) * scale, (r[2] + 0.5) * scale, (r[3] + 0.5) * scale};
    }

    Philox::key_type key_;
    std::uint32_t replicate_;
};

}  // namespace supplysim
