#include "supplysim/runs/calibration/summary.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace supplysim::calibration {

Summary summarise(const std::vector<std::vector<double>>& theta, const std::vector<double>& weight) {
    Summary s;
    if (theta.empty()) return s;
    const std::size_t k = theta[0].size();
    double wsum = 0;
    for (double w : weight) wsum += w;
    for (std::size_t j = 0; j < k; ++j) {
        double mean = 0, var = 0;
        for (std::size_t i = 0; i < theta.size(); ++i) mean += weight[i] / wsum * theta[i][j];
        for (std::size_t i = 0; i < theta.size(); ++i) var += weight[i] / wsum * (theta[i][j] - mean) * (theta[i][j] - mean);
        s.mean.push_back(mean);
        s.sd.push_back(std::sqrt(var));
        // Weighted quantiles: the value where the cumulative weight (at particle midpoints) crosses q.
        std::vector<std::size_t> idx(theta.size());
        std::iota(idx.begin(), idx.end(), 0);
        std::stable_sort(idx.begin(), idx.end(), [&](auto a, auto b) { return theta[a][j] < theta[b][j]; });
        std::vector<double> cum, val;
        double c = 0;
        for (auto i : idx) {
            cum.push_back((c + 0.5 * weight[i]) / wsum);
            c += weight[i];
            val.push_back(theta[i][j]);
        }
        auto q = [&](double p) {
            if (p <= cum.front()) return val.front();
            if (p >= cum.back()) return val.back();
            const auto it = std::lower_bound(cum.begin(), cum.end(), p);
            const std::size_t h = std::size_t(it - cum.begin()), l = h - 1;
            return val[l] + (p - cum[l]) / (cum[h] - cum[l]) * (val[h] - val[l]);
        };
        s.q025.push_back(q(0.025));
        s.q25.push_back(q(0.25));
        s.q50.push_back(q(0.5));
        s.q75.push_back(q(0.75));
        s.q975.push_back(q(0.975));
    }
    return s;
}

}  // namespace supplysim::calibration
