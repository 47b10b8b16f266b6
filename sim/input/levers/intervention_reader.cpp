// Reading the `interventions:` and `assessments:` lists: the common keys of every intervention (type,
// name, where, when, ramp), then the lever's own keys through its reader (lever_types()).
#include "supplysim/input/levers/registry.hpp"

#include <algorithm>

#include "input/levers/lever_reading.hpp"
#include "supplysim/input/stored_names.hpp"
#include "supplysim/model/scenario.hpp"
#include "supplysim/model/world.hpp"

namespace supplysim {

namespace lever {

std::vector<int> indices(FieldReader& r, const std::string& key, const std::vector<std::string>& names,
                         const std::string& meaning) {
    std::vector<int> out;
    for (const auto& n : r.strings(key, {}, names, meaning))
        out.push_back(int(std::find(names.begin(), names.end(), n) - names.begin()));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace lever

namespace {

int month_in_horizon(FieldReader& r, const Scenario& s, const std::string& key, YearMonth ym) {
    const int m = months_between(s.start, ym);
    if (m < 0 || m >= s.months())
        r.fail(key, "month " + ym.str() + " is outside the scenario horizon " + s.start.str() + " to " + s.end.str());
    return m;
}

Where read_where(FieldReader r, const Scenario& s) {
    Where w;
    w.countries = lever::indices(r, "countries", names_of(s.countries), "Countries where it acts (default: all).");
    w.sectors = lever::indices(r, "sectors", names_of(s.sectors), "Sectors where it acts (default: all, or the lever's own default).");
    w.tiers = lever::indices(r, "tiers", names_of(s.tiers), "Tiers where it acts (default: all, or the lever's own default).");
    w.buyers = lever::indices(r, "buyers", names_of(s.buyers), "Buyers (lead firms) it concerns (default: all).");
    const auto size = r.choice("firm_size", "any", {"any", "sme", "large"}, "Firm size: any, SMEs (under 250 workers) or large firms.");
    w.size = size == "sme" ? Where::Size::sme : size == "large" ? Where::Size::large : Where::Size::any;
    const auto epz = r.choice("epz", "any", {"any", "inside", "outside"}, "Firms inside or outside export processing zones, or any.");
    w.epz = epz == "inside" ? Where::Zone::inside : epz == "outside" ? Where::Zone::outside : Where::Zone::any;
    const auto f = r.choice("formality", "any", {"any", "formal", "informal"}, "Registered (formal) or informal firms, or any.");
    w.formality = f == "formal" ? Where::Formality::formal : f == "informal" ? Where::Formality::informal : Where::Formality::any;
    r.reject_unknown_keys();
    return w;
}

}  // namespace

void read_interventions(FieldReader& root, const ConfigNode& tree, Scenario& s) {
    std::vector<std::string> types;
    for (const auto& t : lever_types()) types.push_back(t.type);
    auto entries = root.list("interventions", 0, "Interventions (levers) in force over the horizon; their order does not matter.");
    const ConfigNode* raw = tree.find("interventions");
    for (std::size_t i = 0; i < entries.size(); ++i) {
        auto& r = entries[i];
        Intervention iv;
        iv.type = r.choice("type", "", types, "Kind of intervention (see docs/model/interventions.md).");
        if (iv.type.empty()) throw InputError(r.mark(), r.field("type"), "missing required key; expected one of the intervention types");
        iv.name = r.text("name", "", "Optional label for the intervention.");
        iv.where = read_where(r.map("where", "Where the intervention acts: countries, sectors, tiers, buyers, firm size, EPZ, formality."), s);
        if (!r.has("start")) throw InputError(r.mark(), r.field("start"), "missing required key; expected the first month in force as YYYY-MM");
        const YearMonth start = r.month("start", s.start, "First month in force.");
        iv.when.start = month_in_horizon(r, s, "start", start);
        if (r.has("end")) {
            const YearMonth end = r.month("end", s.end, "Last month in force (default: to the end of the horizon).");
            iv.when.end = month_in_horizon(r, s, "end", end);
            if (iv.when.end < iv.when.start) r.fail("end", "the end month " + end.str() + " is before the start month " + start.str());
        }
        const auto ramp = r.choice("ramp", "step", {"step", "linear", "logistic"}, "How the intervention reaches full strength: at once, linearly or along an S-curve over ramp_months.");
        iv.when.ramp = ramp == "linear" ? Ramp::linear : ramp == "logistic" ? Ramp::logistic : Ramp::step;
        iv.when.ramp_months = int(r.integer("ramp_months", 12, 1, 240, "Months from the first effect to full strength (linear and logistic ramps)."));
        const auto& type = *std::find_if(lever_types().begin(), lever_types().end(), [&](const LeverType& t) { return t.type == iv.type; });
        r.set_doc_path("interventions[type=" + iv.type + "]");  // the reference lists each type's own keys
        iv.lever = type.read(r, s, iv);
        r.reject_unknown_keys();
        iv.canonical_key = iv.type + "\n" + (raw && i < raw->items.size() ? to_yaml(raw->items[i]) : std::to_string(i));
        if (iv.name.empty()) iv.name = iv.type;
        s.interventions.push_back(std::move(iv));
    }
    std::stable_sort(s.interventions.begin(), s.interventions.end(),
                     [](const Intervention& a, const Intervention& b) { return a.canonical_key < b.canonical_key; });
}

void read_assessments(FieldReader& root, Scenario& s) {
    for (auto& r : root.list("assessments", 0, "Named assessment dates reported specially (e.g. the programme's mid-term 2020 and final 2022 assessments).")) {
        Assessment a;
        a.name = read_assessment_name(r, "Name of the assessment point, e.g. mid_term.");
        if (!r.has("date")) throw InputError(r.mark(), r.field("date"), "missing required key; expected a month as YYYY-MM");
        a.date = r.month("date", s.start, "Month of the assessment.");
        month_in_horizon(r, s, "date", a.date);
        for (const auto& b : s.assessments)
            if (b.name == a.name) r.fail("name", "duplicate assessment name \"" + a.name + "\"");
        r.reject_unknown_keys();
        s.assessments.push_back(a);
    }
    std::stable_sort(s.assessments.begin(), s.assessments.end(),
                     [](const Assessment& a, const Assessment& b) { return a.date.index() < b.date.index(); });
}

}  // namespace supplysim
