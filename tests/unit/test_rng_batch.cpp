// The batched generators and integer draw tests (rng_batch.hpp) against CounterRng, the reference.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <random>

#include "model/rng_batch.hpp"

using namespace supplysim;

namespace {

// Keys that cover the edges: agents near 2^32 (the counter must wrap as Random123's does), large
// months, replicates and seeds with both halves set.
struct Key {
    std::uint64_t seed;
    std::uint32_t replicate, month, agent;
};

std::vector<Key> keys() {
    std::vector<Key> out = {{0, 0, 0, 0}, {20170101, 0, 35, 1000}, {0xFFFFFFFFFFFFFFFFULL, 7, 155, 0xFFFFFFF0u},
                            {0x123456789ABCDEFULL, 99, 4000, 0xFFFFFFFFu}};
    std::mt19937_64 gen(42);
    for (int i = 0; i < 200; ++i)
        out.push_back({gen(), std::uint32_t(gen() % 64), std::uint32_t(gen() % 500), std::uint32_t(gen())});
    return out;
}

}  // namespace

TEST_CASE("batched Philox gives CounterRng's words for 16 consecutive agents", "[rng][sanitizer]") {
    for (const auto& k : keys()) {
        const CounterRng rng(k.seed, k.replicate);
        for (const Purpose purpose : {Purpose::worker_outcome, Purpose::labour_market, Purpose::hire}) {
            std::uint32_t bits[4][philox_batch];
            philox_bits(rng, k.month, k.agent, purpose, 0, bits);
            for (int j = 0; j < philox_batch; ++j) {
                const auto u = rng.uniforms(k.month, k.agent + std::uint32_t(j), purpose);
                for (int w = 0; w < 4; ++w) REQUIRE(unit_of(bits[w][j]) == u[w]);
            }
        }
    }
}

TEST_CASE("the portable Philox (CPUs without SIMD) gives CounterRng's words too", "[rng][sanitizer]") {
    for (const auto& k : keys()) {
        const CounterRng rng(k.seed, k.replicate);
        std::uint32_t bits[4][philox_batch];
        detail::philox_bits_scalar(std::uint32_t(k.seed), std::uint32_t(k.seed >> 32), k.replicate, k.month, k.agent,
                                   std::uint32_t(Purpose::hire) | 2u << 8, bits);
        for (int j = 0; j < philox_batch; ++j) {
            const auto u = rng.uniforms(k.month, k.agent + std::uint32_t(j), Purpose::hire, 2);
            for (int w = 0; w < 4; ++w) REQUIRE(unit_of(bits[w][j]) == u[w]);
        }
    }
}

TEST_CASE("philox_blocks gives CounterRng's blocks 0-3 of one agent", "[rng][sanitizer]") {
    for (const auto& k : keys()) {
        const CounterRng rng(k.seed, k.replicate);
        std::uint32_t words[4][4];
        philox_blocks(rng, k.month, k.agent, Purpose::hire, words);
        for (std::uint32_t b = 0; b < 4; ++b) {
            const auto u = rng.uniforms(k.month, k.agent, Purpose::hire, b);
            for (int w = 0; w < 4; ++w) REQUIRE(unit_of(words[w][b]) == u[w]);
        }
    }
}

TEST_CASE("integer draw thresholds decide u < p exactly as the uniform does", "[rng][sanitizer]") {
    std::mt19937_64 gen(7);
    std::uniform_real_distribution<double> prob(0, 1);
    for (int i = 0; i < 2000; ++i) {
        const double p = i < 4 ? std::vector<double>{0.0, 1e-12, 0.5, 1.0}[std::size_t(i)] : prob(gen);
        const std::uint64_t t = draw_threshold(p);
        // Around the threshold the comparison flips, and on both sides it agrees with the uniform.
        for (std::int64_t r = std::int64_t(t) - 2; r <= std::int64_t(t) + 1; ++r) {
            if (r < 0 || r > 0xFFFFFFFFLL) continue;
            REQUIRE((std::uint64_t(r) < t) == (unit_of(std::uint32_t(r)) < p));
        }
    }
}

TEST_CASE("round_half_away is llround for non-negative values", "[rng][sanitizer]") {
    std::mt19937_64 gen(9);
    std::uniform_real_distribution<double> value(0, 1e7);
    for (double x : {0.0, 0.49999999999999994, 0.5, 1.5, 2.5, 4503599627370495.5, 4503599627370496.0})
        CHECK(round_half_away(x) == std::llround(x));
    for (int i = 0; i < 100000; ++i) {
        const double x = value(gen);
        REQUIRE(round_half_away(x) == std::llround(x));
        const double tie = std::floor(x) + 0.5;
        REQUIRE(round_half_away(tie) == std::llround(tie));
    }
}
