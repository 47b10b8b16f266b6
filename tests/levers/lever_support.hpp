#pragma once
// Helpers for the lever tests: the small test world (tests/data/small.yaml, scaled up so segments
// hold enough firms), run with and without a lever on the same seeds, compared replicate by replicate.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/input_error.hpp"
#include "supplysim/input/scenario_loader.hpp"
#include "supplysim/model/groups.hpp"
#include "supplysim/model/indicators.hpp"
#include "supplysim/runs/experiment.hpp"

namespace supplysim::levers_test {

inline std::string source_path(const std::string& relative) { return std::string(SUPPLYSIM_SOURCE_DIR) + "/" + relative; }

inline const char* world_overlay = R"(
countries:
  - {name: north, workers: 8000}
  - {name: south, workers: 8000}
tiers:
  - {name: tier1, mean_firm_size: 80}
replicates: 4
)";

// The test world with `lever_yaml` (e.g. an `interventions:` list) merged over it.
inline Scenario world(const std::string& lever_yaml = "") {
    ConfigNode tree = load_config(source_path("tests/data/small.yaml"));
    deep_merge(tree, parse_config_text(world_overlay, "world.yaml"));
    if (!lever_yaml.empty()) deep_merge(tree, parse_config_text(lever_yaml, "lever.yaml"));
    return resolve_scenario(tree, "lever.yaml");
}

struct Result {
    Scenario scenario;
    GroupLayout layout;
    std::vector<Series> runs;

    int indicator(const std::string& name) const {
        const auto& c = indicator_catalogue();
        for (std::size_t i = 0; i < c.size(); ++i)
            if (c[i].name == name) return int(i);
        throw std::runtime_error("no indicator " + name);
    }
    int group(const std::string& dimension, const std::string& value) const {
        const auto& g = layout.groups();
        for (std::size_t i = 0; i < g.size(); ++i)
            if ((dimension == "all" && i == 0) || (g[i].dimension == dimension && g[i].value == value)) return int(i);
        throw std::runtime_error("no group " + dimension + "=" + value);
    }
    // Mean of an indicator over months [first_month, end) of replicate r.
    double mean(int r, const std::string& name, const std::string& dimension, const std::string& value, int first_month) const {
        const int i = indicator(name), g = group(dimension, value);
        const auto& s = runs[std::size_t(r)];
        double sum = 0;
        int n = 0;
        for (int m = first_month; m < s.months; ++m)
            if (!std::isnan(s.at(i, m, g))) sum += s.at(i, m, g), ++n;
        return n ? sum / n : 0.0;
    }
};

inline Result run(const Scenario& s) {
    Result r{s, GroupLayout(s), {}};
    r.runs = run_replicates(s, r.layout, s.replicates);
    return r;
}

// Paired effect of a lever: per replicate (same seed), lever minus baseline, averaged over the
// second year; mean and standard error across replicates.
struct Effect {
    double mean = 0, se = 0, base = 0;
};
inline Effect effect(const Result& with, const Result& without, const std::string& name,
                     const std::string& dimension = "all", const std::string& value = "", int first_month = 12) {
    std::vector<double> d;
    double base = 0;
    for (std::size_t r = 0; r < with.runs.size(); ++r) {
        const double b = without.mean(int(r), name, dimension, value, first_month);
        d.push_back(with.mean(int(r), name, dimension, value, first_month) - b);
        base += b;
    }
    Effect e;
    for (double x : d) e.mean += x;
    e.mean /= double(d.size());
    double ss = 0;
    for (double x : d) ss += (x - e.mean) * (x - e.mean);
    e.se = d.size() > 1 ? std::sqrt(ss / double(d.size() - 1) / double(d.size())) : 0.0;
    e.base = base / double(d.size());
    return e;
}

// The lever moved the indicator up (or down) by more than replicate noise.
#define CHECK_RAISES(e)                                                                              \
    do {                                                                                             \
        const auto& e_ = (e);                                                                        \
        INFO("effect " << e_.mean << " (se " << e_.se << ") on a baseline of " << e_.base);          \
        CHECK(e_.mean > 0);                                                                          \
        CHECK(e_.mean > 2.0 * e_.se);                                                                \
    } while (0)
#define CHECK_LOWERS(e)                                                                              \
    do {                                                                                             \
        const auto& e_ = (e);                                                                        \
        INFO("effect " << e_.mean << " (se " << e_.se << ") on a baseline of " << e_.base);          \
        CHECK(e_.mean < 0);                                                                          \
        CHECK(-e_.mean > 2.0 * e_.se);                                                               \
    } while (0)

// The message of the input error the test world with `lever_yaml` raises, empty when it loads.
inline std::string load_error(const std::string& lever_yaml) {
    try {
        world(lever_yaml);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

// The baseline test world, run once per test binary.
inline const Result& baseline() {
    static const Result r = run(world());
    return r;
}

}  // namespace supplysim::levers_test
