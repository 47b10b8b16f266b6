#include "supplysim/runs/calibration/moments.hpp"

#include <cmath>

#include "supplysim/input/input_error.hpp"

namespace supplysim::calibration {

MomentPlan::MomentPlan(const std::vector<Target>& targets, const Scenario& scenario) {
    const GroupLayout layout(scenario);
    const auto& catalogue = indicator_catalogue();
    for (const auto& t : targets) {
        Cell c;
        c.indicator = -1;
        std::string names;
        for (std::size_t i = 0; i < catalogue.size(); ++i) {
            if (catalogue[i].name == t.indicator) c.indicator = int(i);
            names += (names.empty() ? "" : ", ") + catalogue[i].name;
        }
        if (c.indicator < 0) throw InputError(t.mark, "indicator", "no indicator \"" + t.indicator + "\" (there are: " + names + ")");
        c.group = -1;
        std::string groups;
        for (int g = 0; g < layout.group_count(); ++g) {
            const auto& gr = layout.groups()[std::size_t(g)];
            if (gr.dimension == t.dimension && gr.value == t.value) c.group = g;
            if (gr.dimension == t.dimension) groups += (groups.empty() ? "" : ", ") + gr.value;
        }
        if (c.group < 0)
            throw InputError(t.mark, "group", "no group " + t.dimension + "=" + t.value + " in the calibration runs' output" +
                                                  (groups.empty() ? " (is the dimension in outputs.dimensions?)" : " (it has: " + groups + ")"));
        c.first = months_between(scenario.start, t.from);
        c.last = months_between(scenario.start, t.to);
        if (c.first < 0 || c.last >= scenario.months())
            throw InputError(t.mark, "month", "the window " + t.from.str() + ".." + t.to.str() + " is outside the simulated period " +
                                                  scenario.start.str() + ".." + scenario.end.str());
        c.observed = t.observed;
        c.se = t.se;
        c.weight = t.weight;
        cells_.push_back(c);
    }
}

namespace {
double window_mean(const Series& s, int indicator, int group, int first, int last) {
    double sum = 0;
    for (int m = first; m <= last; ++m) sum += s.at(indicator, m, group);
    return sum / double(last - first + 1);
}
}  // namespace

std::vector<double> MomentPlan::simulate(const std::vector<Series>& replicates) const {
    std::vector<double> out;
    for (const auto& c : cells_) {
        double sum = 0;
        for (const auto& s : replicates) sum += window_mean(s, c.indicator, c.group, c.first, c.last);
        out.push_back(replicates.empty() ? std::nan("") : sum / double(replicates.size()));
    }
    return out;
}

std::vector<double> MomentPlan::replicate_sd(const std::vector<Series>& replicates) const {
    std::vector<double> out;
    for (const auto& c : cells_) {
        std::vector<double> v;
        for (const auto& s : replicates) v.push_back(window_mean(s, c.indicator, c.group, c.first, c.last));
        double mean = 0, ss = 0;
        for (double x : v) mean += x;
        mean /= double(std::max<std::size_t>(1, v.size()));
        for (double x : v) ss += (x - mean) * (x - mean);
        out.push_back(v.size() > 1 ? std::sqrt(ss / double(v.size() - 1)) : 0.0);
    }
    return out;
}

double MomentPlan::distance(const std::vector<double>& simulated) const {
    double d = 0;
    for (std::size_t j = 0; j < cells_.size(); ++j) {
        const double z = (simulated[j] - cells_[j].observed) / cells_[j].se;
        d += cells_[j].weight * z * z;
    }
    return std::isfinite(d) ? d : 1e300;
}

}  // namespace supplysim::calibration
