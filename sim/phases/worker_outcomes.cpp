#include "supplysim/phases/worker_outcomes.hpp"

#include <tbb/combinable.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

namespace supplysim {

double wage_ratio(const World& w, const Scenario& s, std::size_t f, std::uint32_t i) {
    const auto& firms = w.firms;
    const double premium = w.workers.wage_premium[i];
    const bool informal = w.workers.status[i] & status::informal;
    double wage = premium;
    if (!firms.complies(f, Area::wages) || informal) wage = premium * (1.0 - firms.underpayment[f]);
    if (!firms.complies(f, Area::discrimination) && (w.workers.demography[i] & demo::female))
        wage *= 1.0 - s.parameters.workers.gender_pay_gap;
    return wage;
}

void live_the_month(World& w, const Scenario& s, const Policy& policy, const CounterRng& rng, int month,
                    CellCounters& cells) {
    const auto& wp = s.parameters.workers;
    auto& firms = w.firms;
    auto& workers = w.workers;
    const std::size_t cell_values = cells.size();
    tbb::combinable<CellCounters> partial([&] { return CellCounters(cell_values, 0); });

    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, firms.size()), [&](const tbb::blocked_range<std::size_t>& r) {
        auto& local = partial.local();
        for (std::size_t f = r.begin(); f != r.end(); ++f) {
            const auto& country = policy.countries[firms.country[f]];
            const int seg = w.segments.of(firms.country[f], firms.sector[f], firms.tier[f]);
            const auto begin = firms.worker_begin[f], end = firms.worker_begin[f + 1];
            const auto employed = begin + std::uint32_t(std::lround(firms.utilisation[f] * double(end - begin)));
            const auto subcontracted =
                firms.orders[f] > 0 ? begin + std::uint32_t(std::lround(double(employed - begin) *
                                                                          firms.subcontracted_in[f] / firms.orders[f]))
                                    : begin;
            const double limit = s.countries[firms.country[f]].hours_limit;
            const bool excess_hours = firms.weekly_hours[f] > limit + 1e-6;
            const bool osh = firms.complies(f, Area::osh);
            const bool fair = firms.complies(f, Area::discrimination);
            const bool free_to_organise = firms.complies(f, Area::freedom_of_association);
            const bool no_child = firms.complies(f, Area::child_labour);
            const bool no_forced = firms.complies(f, Area::forced_labour);
            const double p_injury = s.sectors[firms.sector[f]].injury_rate / 1000.0 *
                                    (osh ? 1.0 : wp.injury_multiplier) * (excess_hours ? 1.3 : 1.0);
            const double p_harass = wp.harassment_rate * (fair ? 1.0 : wp.harassment_multiplier);
            // Organising tends to the country's density where it is free; elsewhere unions are pushed out.
            const double epz = (firms.kind[f] & firm_kind::epz) ? country.epz_union_access : 1.0;
            const double density = std::clamp(country.union_density * epz, 0.0, 0.95);
            const double p_join = free_to_organise ? wp.union_leave_rate * density / (1.0 - density) : 0.0;
            const double p_leave = free_to_organise ? wp.union_leave_rate : 5.0 * wp.union_leave_rate;
            std::uint32_t complaints = 0;
            for (auto i = begin; i < end; ++i) {
                std::uint8_t st = workers.status[i] & (status::informal | status::union_member);
                if (i >= employed) {  // laid off this month: no outcomes, not counted as employed
                    workers.status[i] = st;
                    continue;
                }
                const std::uint8_t d = workers.demography[i];
                const auto u = rng.uniforms(std::uint32_t(month), i, Purpose::worker_outcome);
                const double wage = wage_ratio(w, s, f, i);
                const bool injured = u[0] < p_injury;
                const bool harassed = u[1] < p_harass * ((d & demo::female) ? wp.harassment_female_multiplier : 1.0);
                const bool member = st & status::union_member;
                const bool informal = st & status::informal;
                if (!informal && !member && u[3] < p_join) st |= status::union_member;
                if (member && u[3] < p_leave) st &= ~status::union_member;
                // Recruitment debt is worked off month by month; lawful employers repay it (employer pays).
                std::uint8_t debt = workers.debt_months[i];
                const bool forced = debt > 0 && !no_forced;
                debt = no_forced ? 0 : std::uint8_t(debt > 0 ? debt - 1 : 0);
                workers.debt_months[i] = debt;
                const bool bad_job = injured || harassed || wage < 1.0;
                // Bonded workers cannot leave; that is what makes the labour forced.
                const bool quits = !forced && u[2] < wp.quit_rate * (bad_job ? wp.quit_multiplier_bad_job : 1.0);
                if (injured) st |= status::injured;
                if (harassed) st |= status::harassed;
                if (quits) st |= status::quit;
                workers.status[i] = st;
                complaints += injured + harassed;

                std::uint64_t* c = &local[std::size_t(GroupLayout::cell_of(seg, d, st & status::informal)) * counter_count];
                c[c_employed] += 1;
                for (std::size_t a = 0; a < area_count; ++a) c[c_compliant_first + a] += (firms.compliant[f] >> a) & 1u;
                c[c_wage_milli] += std::uint64_t(std::llround(wage * 1000.0));
                c[c_below_minimum] += wage < 1.0;
                c[c_excess_hours] += excess_hours;
                c[c_injuries] += injured;
                c[c_harassed] += harassed;
                c[c_child_labour] += (!no_child && demo::age_band(d) == demo::under_18);
                c[c_forced_labour] += forced;
                c[c_union] += (st & status::union_member) != 0;
                c[c_informal] += (st & status::informal) != 0;
                c[c_subcontracted] += i < subcontracted;
                c[c_quits] += quits;
                c[c_inspected] += firms.inspected[f];
            }
            firms.complaints[f] = std::uint16_t(std::min<std::uint32_t>(complaints, 65535));
        }
    });
    // Integer sums: the combination order cannot change the result.
    partial.combine_each([&](const CellCounters& local) {
        for (std::size_t k = 0; k < cell_values; ++k) cells[k] += local[k];
    });
}

}  // namespace supplysim
