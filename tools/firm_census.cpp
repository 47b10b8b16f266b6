// firm_census: counts firms (and employed workers) complying or not, per area, by country, sector,
// tier and programme enrolment, every month of every replicate of a scenario. Programme and
// inspection evidence is reported as shares of factories, which the engine's outputs (shares of
// workers) do not give; this program gives them for model research until the engine reports them.
//
//   firm_census SCENARIO.yaml [-r REPLICATES] [--seed N] [--set key.path=value ...] [-o out.csv]
//
// One CSV row per (replicate, month, country, sector, tier, enrolled), columns:
//   firms, firms_nc_<area>..., firms_nc_any, firms_informal, mean_capability,
//   firms_inspected, firms_audited, employed, employed_nc_<area>..., employed_informal
// `_nc_` counts are non-compliant; `employed` counts the workers who worked that month (as the
// indicators do). `enrolled` is 1 for firms that joined any per-firm programme of the scenario.
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/input_error.hpp"
#include "supplysim/input/key_path.hpp"
#include "supplysim/input/scenario_loader.hpp"
#include "supplysim/model/groups.hpp"
#include "supplysim/model/simulation.hpp"

namespace {

using namespace supplysim;

// Counts of one (country, sector, tier, enrolled) cell in one month.
struct CellCount {
    std::uint64_t firms = 0, firms_nc_any = 0, firms_informal = 0, firms_inspected = 0, firms_audited = 0;
    std::uint64_t employed = 0, employed_informal = 0;
    double capability = 0;
    PerArea<std::uint64_t> firms_nc{}, employed_nc{};
};

struct Census {
    int months = 0, cells = 0;
    std::vector<CellCount> counts;  // [month][cell]
    CellCount& at(int month, int cell) { return counts[std::size_t(month) * cells + cell]; }
};

void count_month(const World& w, int month, Census& census) {
    const auto& firms = w.firms;
    const auto& workers = w.workers;
    const int segments = w.segments.count();
    for (std::size_t f = 0; f < firms.size(); ++f) {
        bool enrolled = false;
        for (const auto& joined : w.programme_joined) enrolled = enrolled || joined[f] >= 0;
        const int seg = w.segments.of(firms.country[f], firms.sector[f], firms.tier[f]);
        CellCount& c = census.at(month, seg + (enrolled ? segments : 0));
        const auto begin = firms.worker_begin[f], end = firms.worker_begin[f + 1];
        const auto employed = std::min<std::uint32_t>(end - begin, std::uint32_t(std::lround(firms.utilisation[f] * double(end - begin))));
        std::uint64_t informal = 0;
        for (auto i = begin; i < begin + employed; ++i) informal += (workers.status[i] & status::informal) != 0;
        ++c.firms;
        c.firms_nc_any += firms.compliant[f] != std::uint8_t((1u << area_count) - 1);
        c.firms_informal += (firms.kind[f] & firm_kind::informal) != 0;
        c.firms_inspected += firms.inspected[f] != 0;
        c.firms_audited += firms.audited[f] != 0;
        c.capability += firms.capability[f];
        c.employed += employed;
        c.employed_informal += informal;
        for (std::size_t a = 0; a < area_count; ++a)
            if (!((firms.compliant[f] >> a) & 1u)) {
                ++c.firms_nc[a];
                c.employed_nc[a] += employed;
            }
    }
}

int usage(const char* message) {
    std::cerr << "firm_census: " << message
              << "\nusage: firm_census SCENARIO.yaml [-r REPLICATES] [--seed N] [--set key.path=value ...] [-o out.csv]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string path, out_path;
    std::vector<std::string> sets;
    int replicates = -1;
    long long seed = -1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error("missing value after " + a);
            return argv[++i];
        };
        try {
            if (a == "-r" || a == "--replicates") replicates = std::stoi(value());
            else if (a == "--seed") seed = std::stoll(value());
            else if (a == "--set") sets.push_back(value());
            else if (a == "-o") out_path = value();
            else if (!a.empty() && a[0] == '-') return usage(("unknown option " + a).c_str());
            else if (path.empty()) path = a;
            else return usage("more than one scenario");
        } catch (const std::exception& e) {
            return usage(e.what());
        }
    }
    if (path.empty()) return usage("no scenario");

    Scenario s;
    try {
        ConfigNode tree = load_config(path);
        const SourceMark mark{"--set", 0, 0};
        for (const auto& kv : sets) {
            const auto eq = kv.find('=');
            if (eq == std::string::npos) return usage(("--set needs key.path=value, got " + kv).c_str());
            set_key_path(tree, kv.substr(0, eq), kv.substr(eq + 1), mark);
        }
        s = resolve_scenario(tree, path);
    } catch (const InputError& e) {
        std::cerr << e.what() << "\n";
        return 2;
    }
    if (seed >= 0) s.seed = std::uint64_t(seed);
    if (replicates <= 0) replicates = s.replicates;

    const GroupLayout layout(s);
    const int cells = int(2 * s.countries.size() * s.sectors.size() * s.tiers.size());
    std::vector<Census> census(static_cast<std::size_t>(replicates));
    tbb::parallel_for(0, replicates, [&](int r) {
        Census& c = census[std::size_t(r)];
        c.months = s.months();
        c.cells = cells;
        c.counts.assign(std::size_t(c.months) * cells, CellCount{});
        simulate_replicate(s, layout, r, [&](int month, const World& w) { count_month(w, month, c); });
    });

    std::ofstream file;
    if (!out_path.empty()) file.open(out_path);
    std::ostream& out = out_path.empty() ? std::cout : file;
    out << "replicate,month,year,country,sector,tier,enrolled,firms";
    for (auto n : area_names) out << ",firms_nc_" << n;
    out << ",firms_nc_any,firms_informal,mean_capability,firms_inspected,firms_audited,employed";
    for (auto n : area_names) out << ",employed_nc_" << n;
    out << ",employed_informal\n";
    const int segments = cells / 2;
    for (int r = 0; r < replicates; ++r)
        for (int m = 0; m < s.months(); ++m)
            for (int cell = 0; cell < cells; ++cell) {
                const CellCount& c = census[std::size_t(r)].at(m, cell);
                if (c.firms == 0) continue;
                const int seg = cell % segments;
                const int t = seg % int(s.tiers.size()), x = (seg / int(s.tiers.size())) % int(s.sectors.size());
                const int country = seg / int(s.tiers.size() * s.sectors.size());
                const int calendar = s.start.month - 1 + m;
                out << r << ',' << m << ',' << s.start.year + calendar / 12 << ',' << s.countries[std::size_t(country)].name << ','
                    << s.sectors[std::size_t(x)].name << ',' << s.tiers[std::size_t(t)].name << ',' << (cell >= segments) << ',' << c.firms;
                for (auto v : c.firms_nc) out << ',' << v;
                out << ',' << c.firms_nc_any << ',' << c.firms_informal << ',' << c.capability / double(c.firms) << ','
                    << c.firms_inspected << ',' << c.firms_audited << ',' << c.employed;
                for (auto v : c.employed_nc) out << ',' << v;
                out << ',' << c.employed_informal << '\n';
            }
    return 0;
}
