#include "model/phases/outcome_batch.hpp"

#include <algorithm>
#include <cstring>

#include "supplysim/model/groups.hpp"
#include "supplysim/model/indicators.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define SUPPLYSIM_OUTCOME_AVX2 1
#endif

namespace supplysim {

namespace {

// Adds one worker to its cell of the firm's sums.
inline void add_to_cell(FirmCellSums& sums, std::uint8_t cell, std::uint64_t lo, std::uint64_t hi, std::uint64_t milli) {
    auto& c = sums.cell[cell];
    if (c.counts_lo == 0) sums.touched[sums.touched_count++] = cell;  // every worker adds 1 employed
    c.counts_lo += lo;
    c.counts_hi += hi;
    c.wage_milli += milli;
}

// Calls add(out, cell_sums, demography, informal) for each cell the firm touched, `out` being the cell's
// row of the table (listed in `rows` when it comes into use), then clears the firm's sums. Inlined into
// both flushes, so the vector one keeps its target.
template <class AddCell>
[[gnu::always_inline]] inline void flush_each_cell(const FirmCellFacts& facts, FirmCellSums& sums, std::uint64_t* values,
                                                   std::vector<std::uint32_t>& rows, AddCell&& add) {
    for (int t = 0; t < sums.touched_count; ++t) {
        const int k = sums.touched[t];
        const auto d = std::uint8_t(k & 127);
        const bool informal = k & 128;
        const auto row = std::uint32_t(GroupLayout::cell_of(facts.cell_block, d, informal)) * counter_count;
        std::uint64_t* out = values + row;
        if (out[c_employed] == 0) rows.push_back(row);
        add(out, sums.cell[k], d, informal);
        sums.cell[k] = FirmCellSums::Sums{};
    }
    sums.touched_count = 0;
}

inline std::uint64_t pack4(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
    return std::uint64_t(a) | std::uint64_t(b) << 16 | std::uint64_t(c) << 32 | std::uint64_t(d) << 48;
}

}  // namespace

std::uint32_t live_firm_workers_reference(const FirmMonthRules& r, const CounterRng& rng, std::uint32_t month,
                                          std::uint32_t begin, std::uint32_t end, Workers& workers,
                                          FirmCellSums& sums) {
    auto passes = [](std::uint32_t word, const DrawTest& t) { return word < t.below || t.always != 0; };
    std::uint32_t bits[4][philox_batch];
    std::uint32_t complaints = 0;
    for (auto i0 = begin; i0 < end; i0 += philox_batch) {
        const int n = int(std::min<std::uint32_t>(philox_batch, end - i0));
        philox_bits(rng, month, i0, Purpose::worker_outcome, 0, bits);
        for (int j = 0; j < n; ++j) {
            const auto i = i0 + std::uint32_t(j);
            std::uint8_t st = workers.status[i] & (status::informal | status::union_member);
            const std::uint8_t d = workers.demography[i];
            const bool female = d & demo::female;
            const bool member = st & status::union_member;
            const bool informal = st & status::informal;
            // wage_ratio() of worker_outcomes.hpp, with the same operations in the same order.
            const double premium = workers.wage_premium[i];
            double wage = (!r.pays || informal) ? premium * r.underpaid_keep : premium;
            if (!r.fair && female) wage *= r.gap_keep;
            const bool injured = passes(bits[0][j], r.injury);
            const bool harassed = passes(bits[1][j], r.harassment[female]);
            if (!informal && !member && passes(bits[3][j], r.join_union)) st |= status::union_member;
            if (member && passes(bits[3][j], r.leave_union)) st &= ~status::union_member;
            // Recruitment debt is worked off month by month; lawful employers repay it (employer pays).
            const std::uint8_t debt = workers.debt_months[i];
            const bool forced = debt > 0 && !r.no_forced;
            workers.debt_months[i] = r.no_forced ? 0 : std::uint8_t(debt > 0 ? debt - 1 : 0);
            const bool below = wage < 1.0;
            const bool bad_job = injured || harassed || below;
            // Bonded workers cannot leave; that is what makes the labour forced.
            const bool quits = !forced && passes(bits[2][j], r.quit[bad_job]);
            st |= (injured ? status::injured : 0) | (harassed ? status::harassed : 0) | (quits ? status::quit : 0);
            workers.status[i] = st;
            complaints += injured + harassed;
            const bool in_union = st & status::union_member;
            add_to_cell(sums, std::uint8_t(d | (informal ? 128 : 0)), pack4(1, below, injured, harassed),
                        pack4(forced, in_union, i < r.subcontracted_end, quits),
                        std::uint64_t(round_half_away(wage * 1000.0)));
        }
    }
    return complaints;
}

void flush_firm_cells_reference(const FirmCellFacts& facts, FirmCellSums& sums, std::uint64_t* values,
                                std::vector<std::uint32_t>& rows) {
    flush_each_cell(facts, sums, values, rows, [&](std::uint64_t* out, const FirmCellSums::Sums& c, std::uint8_t d,
                                                   bool informal) {
        const std::uint64_t m = packed::field(c.counts_lo, packed::employed);
        out[c_employed] += m;
        out[c_below_minimum] += packed::field(c.counts_lo, packed::below_minimum);
        out[c_injuries] += packed::field(c.counts_lo, packed::injured);
        out[c_harassed] += packed::field(c.counts_lo, packed::harassed);
        out[c_forced_labour] += packed::field(c.counts_hi, packed::forced);
        out[c_union] += packed::field(c.counts_hi, packed::union_member);
        out[c_subcontracted] += packed::field(c.counts_hi, packed::subcontracted);
        out[c_quits] += packed::field(c.counts_hi, packed::quits);
        out[c_wage_milli] += c.wage_milli;
        for (std::size_t a = 0; a < area_count; ++a) out[c_compliant_first + a] += m * ((facts.compliant >> a) & 1u);
        out[c_excess_hours] += facts.excess_hours ? m : 0;
        out[c_inspected] += facts.inspected ? m : 0;
        out[c_child_labour] += (facts.child_labour && demo::age_band(d) == demo::under_18) ? m : 0;
        out[c_informal] += informal ? m : 0;
    });
}

#ifdef SUPPLYSIM_OUTCOME_AVX2
namespace {

#define SUPPLYSIM_AVX2 __attribute__((target("avx2"), always_inline)) inline

// One batch's outcomes, per worker in slot order, for the scalar scatter into the cells.
struct BatchOutcome {
    alignas(32) std::uint64_t counts_lo[philox_batch], counts_hi[philox_batch], wage_milli[philox_batch];
    alignas(16) std::uint8_t cell[philox_batch];
};

// `u < p` on eight 32-bit words: unsigned compare as a signed one after flipping the sign bits.
SUPPLYSIM_AVX2 __m256i passes(__m256i word, __m256i below, __m256i always) {
    const __m256i sign = _mm256_set1_epi32(int(0x80000000u));
    return _mm256_or_si256(_mm256_cmpgt_epi32(_mm256_xor_si256(below, sign), _mm256_xor_si256(word, sign)), always);
}
SUPPLYSIM_AVX2 __m256i passes(__m256i word, const DrawTest& t) {
    return passes(word, _mm256_set1_epi32(int(t.below)), _mm256_set1_epi32(int(t.always)));
}
// The first test where `second` is clear, the second where it is set.
SUPPLYSIM_AVX2 __m256i passes_either(__m256i word, __m256i second, const DrawTest& a, const DrawTest& b) {
    const __m256i below = _mm256_blendv_epi8(_mm256_set1_epi32(int(a.below)), _mm256_set1_epi32(int(b.below)), second);
    const __m256i always = _mm256_blendv_epi8(_mm256_set1_epi32(int(a.always)), _mm256_set1_epi32(int(b.always)), second);
    return passes(word, below, always);
}
SUPPLYSIM_AVX2 __m256i flag(__m256i x, int bit) {  // all ones where x has the bit
    const __m256i b = _mm256_set1_epi32(bit);
    return _mm256_cmpeq_epi32(_mm256_and_si256(x, b), b);
}
SUPPLYSIM_AVX2 __m256i bit_if(__m256i mask, int bit) { return _mm256_and_si256(mask, _mm256_set1_epi32(bit)); }
// 32-bit masks of lanes 0-3 or 4-7 as 64-bit double masks.
SUPPLYSIM_AVX2 __m256d wide_mask(__m256i mask, int half) {
    return _mm256_castsi256_pd(_mm256_cvtepi32_epi64(half ? _mm256_extracti128_si256(mask, 1) : _mm256_castsi256_si128(mask)));
}
// Two 16-bit fields per 32-bit lane, (a | b << 16), and two of those per 64-bit word (lo | hi << 32).
SUPPLYSIM_AVX2 void pack_counts(__m256i lo_a, __m256i lo_b, __m256i hi_a, __m256i hi_b, std::uint64_t* out) {
    const __m256i lo = _mm256_or_si256(lo_a, _mm256_slli_epi32(lo_b, 16));
    const __m256i hi = _mm256_or_si256(hi_a, _mm256_slli_epi32(hi_b, 16));
    // Interleaving 32-bit lanes gives [lo0 hi0 lo1 hi1 | lo4 hi4 lo5 hi5] and [lo2 hi2 lo3 hi3 | lo6 ...].
    const __m256i even = _mm256_unpacklo_epi32(lo, hi), odd = _mm256_unpackhi_epi32(lo, hi);
    _mm256_store_si256(reinterpret_cast<__m256i*>(out), _mm256_permute2x128_si256(even, odd, 0x20));
    _mm256_store_si256(reinterpret_cast<__m256i*>(out + 4), _mm256_permute2x128_si256(even, odd, 0x31));
}
// The low bytes of sixteen 32-bit lanes (values below 256), in order.
SUPPLYSIM_AVX2 __m128i low_bytes(__m256i a, __m256i b) {
    const __m256i words = _mm256_permute4x64_epi64(_mm256_packus_epi32(a, b), 0xD8);  // a0-7, b0-7 as 16 bits
    const __m256i bytes = _mm256_packus_epi16(words, words);
    return _mm256_castsi256_si128(_mm256_permute4x64_epi64(bytes, 0x08));
}
// round_half_away(x) of rng_batch.hpp for 0 <= x < 2^52: truncation and the fraction are exact, and
// adding 2^52 to the whole part leaves it in the low bits of the double. Wages are far below 2^52
// thousandths: the premium is at most exp(3 * 6.8) (wage_premium_sd <= 3, and no Box-Muller normal
// of 32-bit uniforms exceeds 6.8) and the factors are at most 1.
SUPPLYSIM_AVX2 void milli_rounded(__m256d wage, std::uint64_t* out) {
    const __m256d x = _mm256_mul_pd(wage, _mm256_set1_pd(1000.0));
    const __m256d whole = _mm256_round_pd(x, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
    const __m256i up = _mm256_castpd_si256(_mm256_cmp_pd(_mm256_sub_pd(x, whole), _mm256_set1_pd(0.5), _CMP_GE_OQ));
    const __m256d two52 = _mm256_set1_pd(4503599627370496.0);
    const __m256i n = _mm256_sub_epi64(_mm256_castpd_si256(_mm256_add_pd(whole, two52)), _mm256_castpd_si256(two52));
    _mm256_store_si256(reinterpret_cast<__m256i*>(out), _mm256_sub_epi64(n, up));  // up is -1 where it rounds up
}

SUPPLYSIM_AVX2 __m256i bytes_at(const std::uint8_t* p) {  // eight bytes as 32-bit lanes
    return _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p)));
}
SUPPLYSIM_AVX2 __m256i words_at(const std::uint32_t* p) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)); }

// Eight workers (lanes) of a batch, starting at lane `at`. Same steps as the reference above.
SUPPLYSIM_AVX2 __m256i apply_lanes(const FirmMonthRules& r, std::uint32_t first, int at, const std::uint32_t (&bits)[4][philox_batch],
                                   const std::uint8_t* status, const std::uint8_t* debt_months, const std::uint8_t* demography,
                                   const float* wage_premium, __m256i& status_after, __m256i& debt_after, __m256i& cell,
                                   BatchOutcome& out) {
    const __m256i st = _mm256_and_si256(bytes_at(status + at), _mm256_set1_epi32(status::informal | status::union_member));
    const __m256i d = bytes_at(demography + at);
    const __m256i debt = bytes_at(debt_months + at);
    const __m256i draw[4] = {words_at(&bits[0][at]), words_at(&bits[1][at]), words_at(&bits[2][at]), words_at(&bits[3][at])};
    const __m256i zero = _mm256_setzero_si256(), ones = _mm256_set1_epi32(-1);
    const __m256i female = flag(d, demo::female), informal = flag(st, status::informal), member = flag(st, status::union_member);

    // Wage: premium x underpaid_keep where the firm underpays or the job is informal, then x gap_keep for
    // women where it discriminates. A factor of exactly 1 where a rule does not apply leaves the same bits.
    const __m256i underpaid = r.pays ? informal : ones;
    const __m256i gap = r.fair ? zero : female;
    const __m256 premium = _mm256_loadu_ps(wage_premium + at);
    const __m256d one = _mm256_set1_pd(1.0), keep = _mm256_set1_pd(r.underpaid_keep), gap_keep = _mm256_set1_pd(r.gap_keep);
    int below_bits = 0;
    for (int half = 0; half < 2; ++half) {
        __m256d wage = _mm256_cvtps_pd(half ? _mm256_extractf128_ps(premium, 1) : _mm256_castps256_ps128(premium));
        wage = _mm256_mul_pd(wage, _mm256_blendv_pd(one, keep, wide_mask(underpaid, half)));
        wage = _mm256_mul_pd(wage, _mm256_blendv_pd(one, gap_keep, wide_mask(gap, half)));
        below_bits |= _mm256_movemask_pd(_mm256_cmp_pd(wage, one, _CMP_LT_OQ)) << (4 * half);
        milli_rounded(wage, &out.wage_milli[at + 4 * half]);
    }
    const __m256i lane_bit = _mm256_setr_epi32(1, 2, 4, 8, 16, 32, 64, 128);
    const __m256i below = _mm256_cmpeq_epi32(_mm256_and_si256(_mm256_set1_epi32(below_bits), lane_bit), lane_bit);

    const __m256i injured = passes(draw[0], r.injury);
    const __m256i harassed = passes_either(draw[1], female, r.harassment[0], r.harassment[1]);
    const __m256i joins = _mm256_andnot_si256(_mm256_or_si256(informal, member), passes(draw[3], r.join_union));
    const __m256i stays = _mm256_andnot_si256(passes(draw[3], r.leave_union), member);
    const __m256i now_member = _mm256_or_si256(joins, stays);
    const __m256i owes = _mm256_xor_si256(_mm256_cmpeq_epi32(debt, zero), ones);
    const __m256i forced = r.no_forced ? zero : owes;
    debt_after = r.no_forced ? zero : _mm256_add_epi32(debt, owes);  // owes is -1 where debt > 0
    const __m256i bad_job = _mm256_or_si256(_mm256_or_si256(injured, harassed), below);
    const __m256i quits = _mm256_andnot_si256(forced, passes_either(draw[2], bad_job, r.quit[0], r.quit[1]));

    status_after = _mm256_or_si256(
        _mm256_or_si256(_mm256_and_si256(st, _mm256_set1_epi32(status::informal)), bit_if(now_member, status::union_member)),
        _mm256_or_si256(_mm256_or_si256(bit_if(injured, status::injured), bit_if(harassed, status::harassed)),
                        bit_if(quits, status::quit)));
    cell = _mm256_or_si256(d, bit_if(informal, 128));
    const __m256i slot = _mm256_add_epi32(_mm256_set1_epi32(int(first + std::uint32_t(at))), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    const __m256i subcontracted = passes(slot, _mm256_set1_epi32(int(r.subcontracted_end)), zero);
    pack_counts(_mm256_set1_epi32(1), bit_if(below, 1), bit_if(injured, 1), bit_if(harassed, 1), &out.counts_lo[at]);
    pack_counts(bit_if(forced, 1), bit_if(now_member, 1), bit_if(subcontracted, 1), bit_if(quits, 1), &out.counts_hi[at]);
    return _mm256_add_epi32(bit_if(injured, 1), bit_if(harassed, 1));  // complaints per lane
}

__attribute__((target("avx2"))) std::uint32_t live_firm_workers_avx2(const FirmMonthRules& r, const CounterRng& rng,
                                                                    std::uint32_t month, std::uint32_t begin,
                                                                    std::uint32_t end, Workers& workers,
                                                                    FirmCellSums& sums) {
    const std::uint64_t seed = rng.seed();
    const auto k0 = std::uint32_t(seed), k1 = std::uint32_t(seed >> 32);
    const auto word2 = std::uint32_t(Purpose::worker_outcome);  // block 0, as philox_bits gives it
    alignas(32) std::uint32_t bits[4][philox_batch];
    BatchOutcome b;
    __m256i complaints = _mm256_setzero_si256();
    for (auto i0 = begin; i0 < end; i0 += philox_batch) {
        const int n = int(std::min<std::uint32_t>(philox_batch, end - i0));
        detail::philox_bits_avx2(k0, k1, rng.replicate(), month, i0, word2, bits);
        // A short batch (the end of a firm) works on zero-padded copies; only its n workers are written back.
        alignas(16) std::uint8_t status[philox_batch] = {}, debt[philox_batch] = {}, demography[philox_batch] = {};
        alignas(32) float premium[philox_batch] = {};
        const bool full = n == philox_batch;
        std::uint8_t* status_at = full ? &workers.status[i0] : status;
        std::uint8_t* debt_at = full ? &workers.debt_months[i0] : debt;
        const std::uint8_t* demography_at = full ? &workers.demography[i0] : demography;
        const float* premium_at = full ? &workers.wage_premium[i0] : premium;
        if (!full) {
            std::copy_n(&workers.status[i0], n, status);
            std::copy_n(&workers.debt_months[i0], n, debt);
            std::copy_n(&workers.demography[i0], n, demography);
            std::copy_n(&workers.wage_premium[i0], n, premium);
        }
        __m256i st[2], dt[2], cell[2];
        for (int h = 0; h < 2; ++h) {
            const __m256i c = apply_lanes(r, i0, 8 * h, bits, status_at, debt_at, demography_at, premium_at, st[h], dt[h], cell[h], b);
            const __m256i valid = _mm256_cmpgt_epi32(_mm256_set1_epi32(n - 8 * h), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
            complaints = _mm256_add_epi32(complaints, _mm256_and_si256(c, valid));
        }
        _mm_storeu_si128(reinterpret_cast<__m128i*>(status_at), low_bytes(st[0], st[1]));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(debt_at), low_bytes(dt[0], dt[1]));
        _mm_store_si128(reinterpret_cast<__m128i*>(b.cell), low_bytes(cell[0], cell[1]));
        if (!full) {
            std::copy_n(status, n, &workers.status[i0]);
            std::copy_n(debt, n, &workers.debt_months[i0]);
        }
        // The scatter into the firm's cells stays scalar: each worker adds three words to its cell.
        for (int j = 0; j < n; ++j) add_to_cell(sums, b.cell[j], b.counts_lo[j], b.counts_hi[j], b.wage_milli[j]);
    }
    alignas(32) std::uint32_t lanes[8];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), complaints);
    std::uint32_t total = 0;
    for (const auto c : lanes) total += c;
    return total;
}

// The flush with the counters in four-lane adds: the counter order (indicators.hpp) puts the eight
// packed fields first, in packed order, then the wage, then the once-per-worker facts.
static_assert(c_employed == 0 && c_below_minimum == 1 && c_injuries == 2 && c_harassed == 3);
static_assert(c_forced_labour == 4 && c_union == 5 && c_subcontracted == 6 && c_quits == 7);
static_assert(packed::employed == 0 && packed::below_minimum == 16 && packed::injured == 32 && packed::harassed == 48);
static_assert(packed::forced == 0 && packed::union_member == 16 && packed::subcontracted == 32 && packed::quits == 48);
static_assert(c_wage_milli == 8 && c_compliant_first == 9 && area_count == 8);
static_assert(c_excess_hours == 17 && c_inspected == 18 && c_child_labour == 19 && c_informal == 20);

SUPPLYSIM_AVX2 void add_lanes(std::uint64_t* p, __m256i v) {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(p), _mm256_add_epi64(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)), v));
}
SUPPLYSIM_AVX2 __m256i fields_of(std::uint64_t packed_word) {  // four 16-bit fields as four 64-bit lanes
    return _mm256_cvtepu16_epi64(_mm_cvtsi64_si128(std::int64_t(packed_word)));
}

__attribute__((target("avx2"))) void flush_firm_cells_avx2(const FirmCellFacts& facts, FirmCellSums& sums,
                                                          std::uint64_t* values, std::vector<std::uint32_t>& rows) {
    alignas(32) std::uint64_t complies[area_count];
    for (std::size_t a = 0; a < area_count; ++a) complies[a] = ((facts.compliant >> a) & 1u) ? ~0ull : 0;
    const __m256i complies_lo = _mm256_load_si256(reinterpret_cast<const __m256i*>(complies));
    const __m256i complies_hi = _mm256_load_si256(reinterpret_cast<const __m256i*>(complies + 4));
    const std::int64_t excess = facts.excess_hours ? -1 : 0, inspected = facts.inspected ? -1 : 0;
    auto add = [&](std::uint64_t* out, const FirmCellSums::Sums& c, std::uint8_t d, bool informal)
                   __attribute__((target("avx2"))) {
        const __m256i m = _mm256_set1_epi64x(std::int64_t(packed::field(c.counts_lo, packed::employed)));
        add_lanes(out + c_employed, fields_of(c.counts_lo));
        add_lanes(out + c_forced_labour, fields_of(c.counts_hi));
        out[c_wage_milli] += c.wage_milli;
        add_lanes(out + c_compliant_first, _mm256_and_si256(m, complies_lo));
        add_lanes(out + c_compliant_first + 4, _mm256_and_si256(m, complies_hi));
        const bool child = facts.child_labour && demo::age_band(d) == demo::under_18;
        add_lanes(out + c_excess_hours,
                  _mm256_and_si256(m, _mm256_setr_epi64x(excess, inspected, child ? -1 : 0, informal ? -1 : 0)));
    };
    flush_each_cell(facts, sums, values, rows, add);
}

#undef SUPPLYSIM_AVX2

}  // namespace
#endif

std::uint32_t live_firm_workers(const FirmMonthRules& r, const CounterRng& rng, std::uint32_t month,
                                std::uint32_t begin, std::uint32_t end, Workers& workers, FirmCellSums& sums) {
#ifdef SUPPLYSIM_OUTCOME_AVX2
    if (detail::cpu_has_avx2()) return live_firm_workers_avx2(r, rng, month, begin, end, workers, sums);
#endif
    return live_firm_workers_reference(r, rng, month, begin, end, workers, sums);
}

void flush_firm_cells(const FirmCellFacts& facts, FirmCellSums& sums, std::uint64_t* values,
                      std::vector<std::uint32_t>& rows) {
#ifdef SUPPLYSIM_OUTCOME_AVX2
    if (detail::cpu_has_avx2()) return flush_firm_cells_avx2(facts, sums, values, rows);
#endif
    flush_firm_cells_reference(facts, sums, values, rows);
}

}  // namespace supplysim
