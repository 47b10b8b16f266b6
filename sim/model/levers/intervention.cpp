#include "supplysim/model/levers/intervention.hpp"

#include <algorithm>
#include <cmath>

#include "model/levers/lever_effects.hpp"
#include "supplysim/model/scenario.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

bool Where::kind(std::uint8_t k) const {
    if (size == Size::sme && !(k & firm_kind::sme)) return false;
    if (size == Size::large && (k & firm_kind::sme)) return false;
    if (epz == Zone::inside && !(k & firm_kind::epz)) return false;
    if (epz == Zone::outside && (k & firm_kind::epz)) return false;
    if (formality == Formality::formal && (k & firm_kind::informal)) return false;
    if (formality == Formality::informal && !(k & firm_kind::informal)) return false;
    return true;
}

namespace {
// Steepness of the logistic ramp: the S-curve runs from about 2% to 98% of its height over the ramp.
constexpr double logistic_steepness = 8.0;
}  // namespace

double When::level(int month, double speed) const {
    if (month < 0 || month < start) return 0.0;
    if (end >= 0 && month > end) return 0.0;
    const double elapsed = double(month - start - lag_months + 1) * std::max(1.0, speed);  // months in effect, this one included
    if (elapsed <= 0) return 0.0;
    const double r = std::max(1, ramp_months);
    switch (ramp) {
        case Ramp::step: return 1.0;
        case Ramp::linear: return std::min(1.0, elapsed / r);
        case Ramp::logistic: {
            // Logistic through 0.5 at mid-ramp, rescaled to run exactly from 0 to 1 over the ramp.
            if (elapsed >= r) return 1.0;
            const auto f = [r](double t) { return 1.0 / (1.0 + std::exp(-logistic_steepness * (t / r - 0.5))); };
            return (f(elapsed) - f(0)) / (f(r) - f(0));
        }
    }
    return 1.0;
}

namespace lever {

std::vector<int> buyers_in(const Scenario& s, const Where& where) {
    std::vector<int> out;
    for (std::size_t b = 0; b < s.buyers.size(); ++b) {
        if (!where.buyer(int(b)) || !where.sector(s.buyers[b].sector)) continue;
        bool sources = false;
        for (std::size_t c = 0; c < s.countries.size(); ++c)
            sources = sources || (where.country(int(c)) && s.buyers[b].country_share[c] > 0);
        if (sources) out.push_back(int(b));
    }
    return out;
}

}  // namespace lever

}  // namespace supplysim
