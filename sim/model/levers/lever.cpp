#include "supplysim/model/levers/lever.hpp"

namespace supplysim {

void add_to_policy(const Lever& lever, Policy& policy, const Scenario& scenario, const Where& where, double level) {
    std::visit([&](const auto& l) { add_to_policy(l, policy, scenario, where, level); }, lever);
}

const FirmProgramme* programme_of(const Lever& lever) { return std::get_if<FirmProgramme>(&lever); }

double uptake_speed_gain(const Lever& lever) {
    return std::visit(
        [](const auto& l) -> double {
            if constexpr (requires { l.uptake_gain; }) return l.uptake_gain;
            else return 0.0;
        },
        lever);
}

}  // namespace supplysim
