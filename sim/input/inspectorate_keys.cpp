#include "input/inspectorate_keys.hpp"

namespace supplysim {

const std::vector<InspectorateNumber>& inspectorate_numbers() {
    static const std::vector<InspectorateNumber> numbers = {
        {"inspectors_per_10k_workers", &Inspectorate::inspectors_per_10k_workers, 0, 100,
         "Labour inspectors per 10,000 workers (ILO benchmark: 1 in industrial market economies, 0.5 in transition, 0.25 in less developed economies)"},
        {"visits_per_inspector_month", &Inspectorate::visits_per_inspector_month, 0, 200, "Workplace visits an inspector makes per month"},
        {"announced_share", &Inspectorate::announced_share, 0, 1, "Share of visits announced in advance (they find half as much)"},
        {"sanction_months", &Inspectorate::sanction_months, 0, 1000,
         "Cost to a firm of a sanctioned violation (fines, back pay, correction), in months of that area's compliance cost"},
        {"follow_up_share", &Inspectorate::follow_up_share, 0, 1, "Share of visits with violations followed by a second visit"},
    };
    return numbers;
}

const std::vector<InspectorateNumber>& inspectorate_reach() {
    static const std::vector<InspectorateNumber> reach = {
        {"epz", &Inspectorate::reach_epz, 0, 1, "Relative chance for a firm inside an export processing zone"},
        {"informal", &Inspectorate::reach_informal, 0, 1, "Relative chance for an informal (unregistered) firm"},
    };
    return reach;
}

const std::vector<std::pair<std::string, Targeting>>& targeting_names() {
    static const std::vector<std::pair<std::string, Targeting>> names = {
        {"random", Targeting::random}, {"risk_based", Targeting::risk_based}, {"complaint_driven", Targeting::complaint_driven}};
    return names;
}

std::vector<double> read_tier_reach(FieldReader& reach, std::size_t tiers, const std::string& meaning) {
    auto v = reach.numbers("tiers", 0, 1, meaning);
    if (!v.empty() && v.size() != tiers)
        reach.fail("tiers", "expected " + std::to_string(tiers) + " numbers (one per tier), got " + std::to_string(v.size()));
    return v;
}

}  // namespace supplysim
