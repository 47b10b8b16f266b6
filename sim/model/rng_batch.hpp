#pragma once
// Philox4x32-10 for a run of consecutive agents at once (docs/performance.md). It computes exactly the
// bits CounterRng::uniforms(month, agent, purpose, block) would for agents first .. first+n-1, but
// with the lanes in arrays the compiler vectorises (two 32x32->64 multiplies per round become packed
// multiplies), which is several times cheaper per agent than the scalar generator. Same draws, same
// results: nothing in the model changes.
//
// Uniforms are compared as integers: u = (r + 0.5) / 2^32 < p exactly when r < threshold(p), so a
// hot loop can test draws without converting them to double.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "supplysim/model/rng.hpp"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace supplysim {

// Largest batch; the hot loops work through a firm's workers in batches of this many.
inline constexpr int philox_batch = 16;

namespace detail {

// Portable reference: Philox4x32-10 of one counter x (agent, month, purpose | block << 8, replicate),
// in place.
inline void philox_block_scalar(std::uint32_t (&x)[4], std::uint32_t k0, std::uint32_t k1) {
    for (int round = 0; round < 10; ++round) {
        if (round > 0) k0 += 0x9E3779B9u, k1 += 0xBB67AE85u;
        const std::uint64_t p0 = std::uint64_t(0xD2511F53u) * x[0];
        const std::uint64_t p1 = std::uint64_t(0xCD9E8D57u) * x[2];
        const std::uint32_t y0 = std::uint32_t(p1 >> 32) ^ x[1] ^ k0, y2 = std::uint32_t(p0 >> 32) ^ x[3] ^ k1;
        x[0] = y0, x[1] = std::uint32_t(p1), x[2] = y2, x[3] = std::uint32_t(p0);
    }
}

// The batch one lane at a time.
inline void philox_bits_scalar(std::uint32_t k0, std::uint32_t k1, std::uint32_t replicate, std::uint32_t month,
                               std::uint32_t first, std::uint32_t word2, std::uint32_t (&out)[4][philox_batch]) {
    for (int j = 0; j < philox_batch; ++j) {
        std::uint32_t x[4] = {first + std::uint32_t(j), month, word2, replicate};
        philox_block_scalar(x, k0, k1);
        for (int k = 0; k < 4; ++k) out[k][j] = x[k];
    }
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// 32x32->64 multiplies of every lane: _mm*_mul_epu32 multiplies the even lanes, so the odd lanes are
// shifted down and multiplied separately, and the halves are gathered back into lo and hi.
#define SUPPLYSIM_PHILOX_SIMD(PREFIX, VEC, LANES, TARGET)                                                   \
    TARGET inline void philox_bits_##PREFIX(std::uint32_t k0, std::uint32_t k1, std::uint32_t replicate,     \
                                            std::uint32_t month, std::uint32_t first, std::uint32_t word2,  \
                                            std::uint32_t (&out)[4][philox_batch]) {                        \
        constexpr int regs = philox_batch / LANES;                                                          \
        VEC x0[regs], x1[regs], x2[regs], x3[regs];                                                         \
        const VEC lane = PREFIX##_lanes();                                                                  \
        for (int r = 0; r < regs; ++r) {                                                                    \
            x0[r] = PREFIX##_add(PREFIX##_set1(int(first + std::uint32_t(r * LANES))), lane);               \
            x1[r] = PREFIX##_set1(int(month));                                                              \
            x2[r] = PREFIX##_set1(int(word2));                                                              \
            x3[r] = PREFIX##_set1(int(replicate));                                                          \
        }                                                                                                   \
        const VEC m0 = PREFIX##_set1(int(0xD2511F53u)), m1 = PREFIX##_set1(int(0xCD9E8D57u));               \
        for (int round = 0; round < 10; ++round) {                                                          \
            if (round > 0) k0 += 0x9E3779B9u, k1 += 0xBB67AE85u;                                            \
            const VEC a = PREFIX##_set1(int(k0)), b = PREFIX##_set1(int(k1));                               \
            for (int r = 0; r < regs; ++r) {                                                                \
                VEC lo0, hi0, lo1, hi1;                                                                     \
                PREFIX##_mulhilo(x0[r], m0, lo0, hi0);                                                      \
                PREFIX##_mulhilo(x2[r], m1, lo1, hi1);                                                      \
                x0[r] = PREFIX##_xor(PREFIX##_xor(hi1, x1[r]), a);                                          \
                x2[r] = PREFIX##_xor(PREFIX##_xor(hi0, x3[r]), b);                                          \
                x1[r] = lo1;                                                                                \
                x3[r] = lo0;                                                                                \
            }                                                                                               \
        }                                                                                                   \
        for (int r = 0; r < regs; ++r) {                                                                    \
            PREFIX##_store(&out[0][r * LANES], x0[r]);                                                      \
            PREFIX##_store(&out[1][r * LANES], x1[r]);                                                      \
            PREFIX##_store(&out[2][r * LANES], x2[r]);                                                      \
            PREFIX##_store(&out[3][r * LANES], x3[r]);                                                      \
        }                                                                                                   \
    }

inline __m128i sse2_set1(int v) { return _mm_set1_epi32(v); }
inline __m128i sse2_add(__m128i a, __m128i b) { return _mm_add_epi32(a, b); }
inline __m128i sse2_xor(__m128i a, __m128i b) { return _mm_xor_si128(a, b); }
inline __m128i sse2_lanes() { return _mm_setr_epi32(0, 1, 2, 3); }
inline void sse2_store(std::uint32_t* p, __m128i v) { _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v); }
inline void sse2_mulhilo(__m128i x, __m128i m, __m128i& lo, __m128i& hi) {
    const __m128i even = _mm_shuffle_epi32(_mm_mul_epu32(x, m), _MM_SHUFFLE(3, 1, 2, 0));
    const __m128i odd = _mm_shuffle_epi32(_mm_mul_epu32(_mm_srli_epi64(x, 32), m), _MM_SHUFFLE(3, 1, 2, 0));
    lo = _mm_unpacklo_epi32(even, odd);
    hi = _mm_unpackhi_epi32(even, odd);
}
SUPPLYSIM_PHILOX_SIMD(sse2, __m128i, 4, )

#define SUPPLYSIM_AVX2 __attribute__((target("avx2")))
SUPPLYSIM_AVX2 inline __m256i avx2_set1(int v) { return _mm256_set1_epi32(v); }
SUPPLYSIM_AVX2 inline __m256i avx2_add(__m256i a, __m256i b) { return _mm256_add_epi32(a, b); }
SUPPLYSIM_AVX2 inline __m256i avx2_xor(__m256i a, __m256i b) { return _mm256_xor_si256(a, b); }
SUPPLYSIM_AVX2 inline __m256i avx2_lanes() { return _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7); }
SUPPLYSIM_AVX2 inline void avx2_store(std::uint32_t* p, __m256i v) {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(p), v);
}
SUPPLYSIM_AVX2 inline void avx2_mulhilo(__m256i x, __m256i m, __m256i& lo, __m256i& hi) {
    const __m256i even = _mm256_shuffle_epi32(_mm256_mul_epu32(x, m), _MM_SHUFFLE(3, 1, 2, 0));
    const __m256i odd = _mm256_shuffle_epi32(_mm256_mul_epu32(_mm256_srli_epi64(x, 32), m), _MM_SHUFFLE(3, 1, 2, 0));
    lo = _mm256_unpacklo_epi32(even, odd);  // per 128-bit half, exactly as in the SSE2 version
    hi = _mm256_unpackhi_epi32(even, odd);
}
SUPPLYSIM_PHILOX_SIMD(avx2, __m256i, 8, SUPPLYSIM_AVX2)
#undef SUPPLYSIM_PHILOX_SIMD
#undef SUPPLYSIM_AVX2

inline bool cpu_has_avx2() {
    static const bool has = __builtin_cpu_supports("avx2");
    return has;
}
#endif

}  // namespace detail

// The raw 32-bit outputs of CounterRng::uniforms(month, agent, purpose, block) for agents
// [first, first + philox_batch): out[k][j] is word k of agent first + j. Uses AVX2 where the CPU has
// it (checked at run time, so the default build stays portable), else SSE2; all give the same bits.
inline void philox_bits(const CounterRng& rng, std::uint32_t month, std::uint32_t first, Purpose purpose,
                        std::uint32_t block, std::uint32_t (&out)[4][philox_batch]) {
    const std::uint64_t seed = rng.seed();
    const auto k0 = static_cast<std::uint32_t>(seed), k1 = static_cast<std::uint32_t>(seed >> 32);
    const std::uint32_t word2 = static_cast<std::uint32_t>(purpose) | (block << 8);
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    if (detail::cpu_has_avx2()) return detail::philox_bits_avx2(k0, k1, rng.replicate(), month, first, word2, out);
    return detail::philox_bits_sse2(k0, k1, rng.replicate(), month, first, word2, out);
#else
    return detail::philox_bits_scalar(k0, k1, rng.replicate(), month, first, word2, out);
#endif
}

// Blocks 0-3 of CounterRng::uniforms(month, agent, purpose, block) for one agent, as raw words:
// out[k][b] is word k of block b. For draws of one agent that need several blocks (a hire): on x86
// the four blocks are the four lanes of one SSE2 register, so they cost about one scalar block.
inline void philox_blocks(const CounterRng& rng, std::uint32_t month, std::uint32_t agent, Purpose purpose,
                          std::uint32_t (&out)[4][4]) {
    const std::uint64_t seed = rng.seed();
    std::uint32_t k0 = static_cast<std::uint32_t>(seed), k1 = static_cast<std::uint32_t>(seed >> 32);
    const auto p = static_cast<std::uint32_t>(purpose);
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    __m128i x0 = _mm_set1_epi32(int(agent)), x1 = _mm_set1_epi32(int(month));
    __m128i x2 = _mm_setr_epi32(int(p), int(p | 1u << 8), int(p | 2u << 8), int(p | 3u << 8));
    __m128i x3 = _mm_set1_epi32(int(rng.replicate()));
    const __m128i m0 = _mm_set1_epi32(int(0xD2511F53u)), m1 = _mm_set1_epi32(int(0xCD9E8D57u));
    for (int round = 0; round < 10; ++round) {
        if (round > 0) k0 += 0x9E3779B9u, k1 += 0xBB67AE85u;
        __m128i lo0, hi0, lo1, hi1;
        detail::sse2_mulhilo(x0, m0, lo0, hi0);
        detail::sse2_mulhilo(x2, m1, lo1, hi1);
        x0 = _mm_xor_si128(_mm_xor_si128(hi1, x1), _mm_set1_epi32(int(k0)));
        x2 = _mm_xor_si128(_mm_xor_si128(hi0, x3), _mm_set1_epi32(int(k1)));
        x1 = lo1;
        x3 = lo0;
    }
    detail::sse2_store(out[0], x0);
    detail::sse2_store(out[1], x1);
    detail::sse2_store(out[2], x2);
    detail::sse2_store(out[3], x3);
#else
    for (std::uint32_t b = 0; b < 4; ++b) {
        std::uint32_t x[4] = {agent, month, p | b << 8, rng.replicate()};
        detail::philox_block_scalar(x, k0, k1);
        for (int k = 0; k < 4; ++k) out[k][b] = x[k];
    }
#endif
}

// Number of 32-bit words r with (r + 0.5) / 2^32 < p, so that `u < p` is `r < draw_threshold(p)`.
// Exact: p * 2^32 - 0.5 is computed without rounding for any p below 2^20, and r < x <=> r < ceil(x)
// for integer r.
inline std::uint64_t draw_threshold(double p) {
    if (!(p > 0)) return 0;
    if (p >= 1) return std::uint64_t(1) << 32;
    return std::uint64_t(std::ceil(p * 4294967296.0 - 0.5));
}

// The uniform CounterRng::uniforms would give for a word (for the rare draws used as numbers).
inline double unit_of(std::uint32_t r) { return (double(r) + 0.5) * (1.0 / 4294967296.0); }

// std::llround for the non-negative values of the hot loops, without a libm call: truncation and the
// fraction are exact for 0 <= x < 2^52, so ties round away from zero exactly as llround does.
inline std::int64_t round_half_away(double x) {
    if (!(x >= 0 && x < 4503599627370496.0)) return std::llround(x);
    const auto n = static_cast<std::int64_t>(x);
    return n + (x - double(n) >= 0.5);
}

}  // namespace supplysim
