#include "supplysim/runs/sweep/design.hpp"

#include <boost/random/sobol.hpp>

#include <stdexcept>

namespace supplysim::sweep {

namespace {

// SplitMix64: tiny, fully specified, so designs are the same on every platform and compiler.
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }  // [0, 1)
    std::uint64_t below(std::uint64_t n) { return std::uint64_t(uniform() * double(n)); }
};

}  // namespace

Matrix sobol_points(int n, int d) {
    if (n < 0 || d < 1 || d > 21201) throw std::invalid_argument("sobol_points: bad size");
    boost::random::sobol gen(static_cast<std::size_t>(d));  // yields 64-bit integers, first point skipped
    Matrix out(static_cast<std::size_t>(n), std::vector<double>(static_cast<std::size_t>(d)));
    for (auto& row : out)
        for (auto& x : row) x = double(gen()) * 0x1.0p-64;  // exact: Sobol points have few significant bits
    return out;
}

Matrix saltelli_sample(int n, int k) {
    const Matrix base = sobol_points(n, 2 * k);
    Matrix out;
    out.reserve(std::size_t(n) * std::size_t(k + 2));
    for (int i = 0; i < n; ++i) out.emplace_back(base[i].begin(), base[i].begin() + k);  // A
    for (int i = 0; i < n; ++i) out.emplace_back(base[i].begin() + k, base[i].end());    // B
    for (int j = 0; j < k; ++j)
        for (int i = 0; i < n; ++i) {
            std::vector<double> row(base[i].begin(), base[i].begin() + k);
            row[std::size_t(j)] = base[i][std::size_t(k + j)];
            out.push_back(std::move(row));
        }
    return out;
}

Matrix latin_hypercube(int n, int k, std::uint64_t seed) {
    SplitMix64 rng{seed};
    Matrix out(static_cast<std::size_t>(n), std::vector<double>(static_cast<std::size_t>(k)));
    std::vector<int> perm(static_cast<std::size_t>(n));
    for (int j = 0; j < k; ++j) {
        for (int i = 0; i < n; ++i) perm[std::size_t(i)] = i;
        for (int i = n - 1; i > 0; --i) std::swap(perm[std::size_t(i)], perm[rng.below(std::uint64_t(i) + 1)]);
        for (int i = 0; i < n; ++i) out[std::size_t(i)][std::size_t(j)] = (perm[std::size_t(i)] + rng.uniform()) / n;
    }
    return out;
}

std::vector<std::vector<int>> grid_indices(const std::vector<int>& sizes) {
    std::size_t total = 1;
    for (int s : sizes) total *= std::size_t(s);
    std::vector<std::vector<int>> out(total, std::vector<int>(sizes.size()));
    for (std::size_t r = 0; r < total; ++r) {
        std::size_t rest = r;
        for (std::size_t j = sizes.size(); j-- > 0;) {
            out[r][j] = int(rest % std::size_t(sizes[j]));
            rest /= std::size_t(sizes[j]);
        }
    }
    return out;
}

}  // namespace supplysim::sweep
