// Levers `score` and `symapro` (seed item 4.2): enterprise training modules for SMEs, read as a
// per-firm programme whose effects are the sum of the modules delivered.
#include <algorithm>

#include "input/levers/lever_reading.hpp"

namespace supplysim {

namespace {

struct Module {
    const char* name;
    double capability, productivity;
    PerArea<double> logit;
};
// Module effects per completed module (assumptions; see docs/model/interventions.md#score).
const std::vector<Module>& modules() {
    static const std::vector<Module> m = {
        // name, capability gap closed per year, margin gain, log-odds shifts (osh, wages, time, contracts, foa, child, forced, discrimination)
        {"workplace_cooperation", 0.05, 0.01, {0.1, 0.1, 0.1, 0.1, 0.4, 0, 0, 0.3}},
        {"quality", 0.05, 0.03, {0, 0, 0.1, 0, 0, 0, 0, 0}},
        {"productivity", 0.05, 0.05, {0, 0.1, 0.3, 0, 0, 0, 0, 0}},
        {"osh", 0.03, 0.01, {0.6, 0, 0, 0, 0, 0, 0, 0}},
        {"human_resources", 0.04, 0.01, {0, 0.2, 0.1, 0.3, 0, 0.1, 0.1, 0.3}},
        {"clean_production", 0.03, 0.02, {0.2, 0, 0, 0, 0, 0, 0, 0}},
    };
    return m;
}

Lever read_training(FieldReader& r, const Scenario&, Intervention& self, bool symapro) {
    FirmProgramme p;
    if (self.where.size == Where::Size::any) self.where.size = Where::Size::sme;
    if (self.where.formality == Where::Formality::any) self.where.formality = Where::Formality::formal;
    p.flags = programme_flag::enterprise;
    std::vector<std::string> names;
    for (const auto& m : modules()) names.push_back(m.name);
    const std::vector<std::string> fallback = symapro ? std::vector<std::string>{"productivity", "workplace_cooperation"}
                                                      : std::vector<std::string>{"workplace_cooperation", "quality", "productivity", "osh"};
    const auto delivered = r.strings("modules", fallback, names, "Training modules delivered to each enrolled firm.");
    if (delivered.empty()) r.fail("modules", "expected at least one module");
    p.enrolment_per_year = r.number("enrolment_per_year", symapro ? 0.05 : 0.1, 0, 1, "Share of eligible firms offered the programme per year at full strength.");
    const double uptake = r.number("uptake", 0.6, 0, 1, "Share of firms offered the programme that take it up when it is free.");
    const double cost_share = r.number("cost_share", 0.3, 0, 1, "Share of the training cost paid by the firm.");
    const double elasticity = r.number("cost_sensitivity", 0.5, 0, 1, "Fall in uptake per unit of cost share (uptake x (1 - sensitivity x cost_share)).");
    p.uptake = uptake * (1.0 - elasticity * cost_share);
    const double scale = r.number("effect_scale", symapro ? 1.5 : 1.0, 0, 10, "Multiplies every module effect (SYMAPRO's measurement-based productivity system defaults to 1.5).");
    for (const auto& name : delivered) {
        const auto& m = *std::find_if(modules().begin(), modules().end(), [&](const Module& x) { return name == x.name; });
        p.capability_gain_per_year += scale * m.capability;
        p.productivity_gain += scale * m.productivity;
        for (std::size_t a = 0; a < area_count; ++a) p.logit[a] += scale * m.logit[a];
    }
    p.capability_ceiling = r.number("capability_ceiling", 0.8, 0, 1, "Capability the training can reach.");
    return p;
}

}  // namespace

Lever read_score(FieldReader& r, const Scenario& s, Intervention& self) { return read_training(r, s, self, false); }
Lever read_symapro(FieldReader& r, const Scenario& s, Intervention& self) { return read_training(r, s, self, true); }

}  // namespace supplysim
