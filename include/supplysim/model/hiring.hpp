#pragma once
// Who is hired into a firm's slot: demography (drawn from the country's labour force, more from
// marginalised groups in lower tiers and informal units), age (children where the firm does not
// comply on child labour), formality, recruitment debt and the lawful wage. Used when the world is
// built and when the labour market fills a vacancy.
#include <cstdint>

#include "supplysim/model/rng.hpp"
#include "supplysim/model/scenario.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

// Draws the attributes of a worker hired into slot `slot` of firm f at step `step`.
void hire_worker(World& world, const Scenario& scenario, std::size_t f, std::uint32_t slot,
                 const CounterRng& rng, std::uint32_t step, Purpose purpose);

}  // namespace supplysim
