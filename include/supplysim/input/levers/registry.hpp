#pragma once
// The intervention types a scenario can name, and the reader of the `interventions:` and
// `assessments:` lists. Each lever has its own reader (one file per lever under sim/interventions/).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/field_reader.hpp"
#include "supplysim/model/levers/intervention.hpp"

namespace supplysim {

// Reads the lever's own keys from its entry (the common keys are already read into `self`, and the
// reader may narrow `self.where` with lever-specific defaults, e.g. Better Work's tier 1).
using LeverReader = std::shared_ptr<const Lever> (*)(FieldReader& entry, const Scenario& scenario, Intervention& self);

struct LeverType {
    std::string type;
    std::string summary;
    LeverReader read;
};

// All intervention types, in documentation order.
const std::vector<LeverType>& lever_types();

// Reads `interventions:` (a list) into scenario.interventions, sorted into canonical order. Needs the
// scenario's countries, sectors, tiers, buyers and parameters read already.
void read_interventions(FieldReader& root, const ConfigNode& tree, Scenario& scenario);
// Reads `assessments:` (a list of {name, date}) into scenario.assessments.
void read_assessments(FieldReader& root, Scenario& scenario);

// Helpers for lever readers and effects.
namespace lever {
// Indices of the names listed under `key` (all names allowed), empty when absent.
std::vector<int> indices(FieldReader& r, const std::string& key, const std::vector<std::string>& names,
                         const std::string& meaning);
std::vector<std::string> country_names(const Scenario& s);
std::vector<std::string> sector_names(const Scenario& s);
std::vector<std::string> tier_names(const Scenario& s);
std::vector<std::string> buyer_names(const Scenario& s);
// Delta that moves `base` a share `level` of the way to `target`.
inline double toward(double base, double target, double level) { return level * (target - base); }
// A number read only when given, so the resolved scenario does not turn "unchanged" into a value.
inline std::optional<double> optional_number(FieldReader& r, const std::string& key, double min, double max,
                                             const std::string& meaning) {
    if (!r.has(key)) return std::nullopt;
    return r.number(key, 0, min, max, meaning + " (default: unchanged)");
}
// Buyers that source where the intervention acts (named buyers, or buyers in its sectors and countries).
std::vector<int> buyers_in(const Scenario& s, const Where& where);
}  // namespace lever

}  // namespace supplysim
