#include "supplysim/model/phases/programme_outcomes.hpp"

#include "supplysim/model/groups.hpp"
#include "supplysim/model/levers/programme.hpp"

namespace supplysim {

void count_programme_outcomes(const World& w, const Scenario& s, const Policy& policy, const CounterRng& rng, int step,
                              CellCounters& cells) {
    if (s.interventions.empty()) return;
    const auto& firms = w.firms;
    const auto& workers = w.workers;
    const bool flags = !firms.programme_flags.empty();
    // Serial: a few additions per employed worker, only in scenarios with interventions; integer counts
    // keep the result independent of any thread count.
    for (std::size_t f = 0; f < firms.size(); ++f) {
        const auto& cp = policy.countries[firms.country[f]];
        const std::uint8_t pf = flags ? firms.programme_flags[f] : 0;
        const bool cover = cp.injury_cover_formal > 0 || cp.injury_cover_informal > 0;
        if (pf == 0 && !cover) continue;
        const int block = w.cell_block(f, w.segments.of(firms.country[f], firms.sector[f], firms.tier[f]));
        for (auto i = firms.worker_begin[f], employed_end = firms.working_end(f); i < employed_end; ++i) {
            const std::uint8_t st = workers.status[i];
            const bool informal = st & status::informal;
            std::uint64_t* c = &cells[std::size_t(GroupLayout::cell_of(block, workers.demography[i], informal)) * counter_count];
            c[c_better_work] += (pf & programme_flag::better_work) != 0;
            c[c_programme] += (pf & programme_flag::enterprise) != 0;
            c[c_ifa] += (pf & programme_flag::ifa) != 0;
            if (cover && (st & status::injured)) {
                const double u = rng.uniforms(std::uint32_t(step), i, Purpose::injury_compensation, 2)[0];
                c[c_injury_compensated] += u < (informal ? cp.injury_cover_informal : cp.injury_cover_formal);
            }
        }
    }
}

}  // namespace supplysim
