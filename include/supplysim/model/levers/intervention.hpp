#pragma once
// The common shape of an intervention: what kind of lever it is (`type`) with the lever's own dose
// (`lever`, a plain parameter struct), where it acts (countries, sectors, tiers, buyers, firm size,
// EPZ, formality), when (start, optional end, an implementation lag) and how fast it reaches full
// strength (step, linear or logistic ramp). Levers act through two channels only (lever.hpp): deltas
// to the month's Policy, and per-firm programmes run by the programmes phase.
// Interventions are kept in a canonical order (sorted by type and content when loaded), so the order
// in which a scenario lists them cannot change a result.
#include <cstdint>
#include <string>
#include <vector>

#include "supplysim/model/levers/lever.hpp"

namespace supplysim {

// Where an intervention acts. Empty index lists mean "all".
struct Where {
    std::vector<int> countries, sectors, tiers, buyers;
    enum class Size : std::uint8_t { any, sme, large } size = Size::any;           // SME: under 250 workers
    enum class Zone : std::uint8_t { any, inside, outside } epz = Zone::any;       // export processing zones
    enum class Formality : std::uint8_t { any, formal, informal } formality = Formality::any;

    static bool in(const std::vector<int>& list, int i) {
        if (list.empty()) return true;
        for (int x : list)
            if (x == i) return true;
        return false;
    }
    bool country(int c) const { return in(countries, c); }
    bool sector(int x) const { return in(sectors, x); }
    bool tier(int t) const { return in(tiers, t); }
    bool buyer(int b) const { return in(buyers, b); }
    bool segment(int c, int x, int t) const { return country(c) && sector(x) && tier(t); }
    // Firm-level filters on the firm_kind flags (see world.hpp).
    bool kind(std::uint8_t firm_kind_flags) const;
};

enum class Ramp : std::uint8_t { step, linear, logistic };

struct When {
    int start = 0;        // first month in force, counted from the scenario's start
    int end = -1;         // last month in force; -1: to the end of the horizon
    int lag_months = 0;   // months between `start` and the first effect (e.g. a ratification's implementation)
    Ramp ramp = Ramp::step;
    int ramp_months = 12; // months from first effect to full strength (linear, logistic)

    // Strength in [0, 1] in `month` (months from the scenario start; negative = spin-up, always 0).
    // `speed` > 1 shortens the ramp (tripartite consultation under C144 speeds uptake).
    double level(int month, double speed = 1.0) const;
};

struct Intervention {
    std::string type;
    std::string name;           // optional label (defaults to the type)
    Where where;
    When when;
    std::string canonical_key;  // type + the entry's content as written: the sort key
    Lever lever;

    double level(int month, double speed = 1.0) const { return when.level(month, speed); }
};

}  // namespace supplysim
