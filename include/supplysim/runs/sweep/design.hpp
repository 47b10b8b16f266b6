#pragma once
// Experimental designs as points in the unit cube [0,1)^k (one row per run), then mapped onto each
// parameter's range or value list.
//  - grid: the Cartesian product of each parameter's values (first parameter varies slowest);
//  - lhs: Latin hypercube, one point per stratum in every dimension, from the design seed;
//  - sobol: Saltelli's scheme for variance-based sensitivity. Sobol points of dimension 2k
//    (Boost.Random, Joe-Kuo direction numbers, starting after the all-zero point) give A (first k
//    columns) and B (last k); runs are A (N rows), B (N), then AB_1..AB_k (N each), AB_i being A with
//    column i taken from B: N*(k+2) runs.
#include <cstdint>
#include <vector>

namespace supplysim::sweep {

using Matrix = std::vector<std::vector<double>>;  // [row][column]

// The first n points of the Sobol sequence of dimension d (skipping the all-zero point).
Matrix sobol_points(int n, int d);

// Saltelli sample in the unit cube: N*(k+2) rows of k columns.
Matrix saltelli_sample(int n, int k);

// Latin hypercube: n rows of k columns, deterministic in seed.
Matrix latin_hypercube(int n, int k, std::uint64_t seed);

// Grid of indices: every combination of sizes[i] levels, first column slowest.
std::vector<std::vector<int>> grid_indices(const std::vector<int>& sizes);

}  // namespace supplysim::sweep
