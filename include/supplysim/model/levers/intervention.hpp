#pragma once
// The common shape of an intervention (issue 3): what kind of lever it is (`type`), where it acts
// (countries, sectors, tiers, buyers, firm size, EPZ, formality), when (start, optional end, an
// implementation lag), how fast it reaches full strength (step, linear or logistic ramp) and the
// lever's own dose. Levers act through two channels only:
//   - `apply`: deltas to the month's Policy (policy_for_month is the one place this happens), and
//   - `programme`: a per-firm programme (enrolment, advisory, assessments) run by the programmes phase.
// Interventions are kept in a canonical order (sorted by type and content when loaded), so the order
// in which a scenario lists them cannot change a result.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "supplysim/model/calendar.hpp"

namespace supplysim {

struct Policy;
struct Scenario;
struct FirmProgramme;
struct Intervention;

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

class Lever {
public:
    virtual ~Lever() = default;
    // Adds this lever's effect at strength `level` (0 < level <= 1) to the month's policy. Effects are
    // deltas from the scenario's baseline values (never from the running policy value), so they commute;
    // policy_for_month applies them in the canonical order and clamps the result once.
    virtual void apply(Policy& /*policy*/, const Scenario& /*scenario*/, const Intervention& /*self*/,
                       double /*level*/) const {}
    // A per-firm programme run by the programmes phase, or null.
    virtual const FirmProgramme* programme() const { return nullptr; }
    // How much this lever speeds up the ramps of other interventions in its countries (C144).
    virtual double uptake_speed_gain() const { return 0; }
};

struct Intervention {
    std::string type;
    std::string name;           // optional label (defaults to the type and position)
    Where where;
    When when;
    std::string canonical_key;  // type + the entry's content as written: the sort key
    std::shared_ptr<const Lever> lever;

    double level(int month, double speed = 1.0) const { return when.level(month, speed); }
};

// A named assessment point (the programme's mid-term and final assessments), reported specially.
struct Assessment {
    std::string name;
    YearMonth date;
};

}  // namespace supplysim
