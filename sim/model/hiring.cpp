#include "supplysim/model/hiring.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "model/rng_batch.hpp"

namespace supplysim {

void hire_worker(World& w, const Scenario& s, std::size_t f, std::uint32_t slot, const CounterRng& rng,
                 std::uint32_t step, Purpose purpose) {
    const auto& firms = w.firms;
    const auto& country = s.countries[firms.country[f]];
    const auto& sector = s.sectors[firms.sector[f]];
    const int tier = firms.tier[f];
    const bool informal_firm = firms.kind[f] & firm_kind::informal;
    // Blocks 0, 1 and 2 of the slot's draws in one go (philox_blocks): u, v and r below.
    std::uint32_t words[4][4];
    philox_blocks(rng, step, slot, purpose, words);
    const std::array<double, 4> u = {unit_of(words[0][0]), unit_of(words[1][0]), unit_of(words[2][0]), unit_of(words[3][0])};
    const std::array<double, 4> v = {unit_of(words[0][1]), unit_of(words[1][1]), unit_of(words[2][1]), unit_of(words[3][1])};
    // Lower tiers and informal units draw more on marginalised groups: the shares of migrants, minorities,
    // indigenous workers and child hires are multiplied by this factor.
    const auto& wp = s.parameters.workers;
    const double margin_factor = 1.0 + wp.marginalised_hiring_per_tier * tier + (informal_firm ? wp.marginalised_hiring_informal : 0.0);
    std::uint8_t d = 0;
    if (u[0] < sector.female_share_by_tier[tier]) d |= demo::female;
    if (u[1] < std::min(1.0, country.migrant_share * margin_factor)) d |= demo::migrant;
    if (u[2] < country.disability_share) d |= demo::disabled;
    if (u[3] < std::min(1.0, country.minority_share * margin_factor)) d |= demo::minority;
    if (v[0] < std::min(1.0, country.indigenous_share * margin_factor)) d |= demo::indigenous;
    const bool child_risk = !firms.complies(f, Area::child_labour);
    demo::AgeBand age = demo::age_25_54;
    if (child_risk && v[1] < country.child_hire_risk * margin_factor) age = demo::under_18;
    else if (v[2] < country.youth_share) age = demo::age_18_24;
    else if (v[2] > 1.0 - country.older_share) age = demo::age_55_plus;
    d = demo::with_age(d, age);

    std::uint8_t st = 0;
    const bool informal = informal_firm || (!firms.complies(f, Area::contracts) &&
                                            v[3] < s.parameters.workers.informal_hire_share);
    if (informal) st |= status::informal;
    const std::array<double, 3> r = {unit_of(words[0][2]), unit_of(words[1][2]), unit_of(words[2][2])};
    w.workers.demography[slot] = d;
    w.workers.status[slot] = st;
    // Migrants arrive owing recruitment fees (exponential around the country's mean).
    w.workers.debt_months[slot] =
        (d & demo::migrant) ? std::uint8_t(std::min(wp.max_debt_months, -country.recruitment_fee_months * std::log(r[0]))) : 0;
    w.workers.wage_premium[slot] = float(std::exp(std::abs(s.parameters.workers.wage_premium_sd *
                                                           CounterRng::normal(r[1], r[2]))));
}

}  // namespace supplysim
