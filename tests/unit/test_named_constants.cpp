// The behavioural constants that are scenario keys (docs/model/parameters.md): each one reaches the
// model, so setting it away from its default changes the outputs of the small world. A key read but not
// used, or used in one phase and forgotten in another, fails here.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "supplysim/model/groups.hpp"
#include "supplysim/runs/experiment.hpp"
#include "test_support.hpp"

using namespace supplysim;

namespace {

std::vector<double> outputs(const std::string& overlay) {
    const Scenario s = test::small_with("replicates: 1\n" + overlay);
    const GroupLayout layout(s);
    return run_replicates(s, layout, 1).at(0).values;
}

// Bit for bit, so that NaN (an empty group) equals NaN.
bool same(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

}  // namespace

TEST_CASE("named behavioural constants reach the model", "[constants][integration]") {
    const auto base = outputs("");
    // Each overlay sets one key well away from its default (given in the comment).
    const char* overlays[] = {
        "parameters: {compliance: {announced_concealment: 0.9}}\n",          // 0.5
        "parameters: {compliance: {informal_law_reach: 1.0}}\n",             // 0.3
        "parameters: {compliance: {squeeze_min: 1.5, squeeze_max: 1.5}}\n",  // 0.5, 4
        "parameters: {compliance: {squeeze_max: 0.9}}\n",                    // 4
        "parameters: {compliance: {correction_capability_base: 2}}\n",      // 0.5
        "parameters: {compliance: {audit_correction_factor: 1}}\n",          // 0.5
        "parameters: {compliance: {sanction_margin_hit: 0.05}}\n",           // 0.002
        "parameters: {compliance: {perception_update: 0.9}}\n",              // 0.1
        "parameters: {production: {peak_month: 10}}\n",                      // 4
        "parameters: {production: {margin_without_pressure: 0.5}}\n",        // 1.25
        "parameters: {production: {margin_pressure_erosion: 2}}\n",          // 0.5
        "parameters: {production: {margin_recovery: 0.9}}\n",                // 0.1
        "parameters: {production: {normal_hours_share: 0.6}}\n",             // 0.9
        "parameters: {production: {habitual_overtime_pressure_weight: 5}}\n",  // 1
        "parameters: {production: {informal_subcontract_pressure_base: 0}}\n", // 0.5
        "parameters: {workers: {excess_hours_injury_multiplier: 10}}\n",     // 1.3
        "parameters: {workers: {union_leave_multiplier_unfree: 1}}\n",       // 5
        "parameters: {workers: {registration_rate: 0.5}}\n",                 // 0.05
        "parameters: {workers: {deregistration_rate: 0.5}}\n",               // 0.01
        "parameters: {workers: {marginalised_hiring_per_tier: 3}}\n",        // 0.25
        "parameters: {workers: {marginalised_hiring_informal: 3}}\n",        // 0.5
        "parameters: {workers: {max_debt_months: 0}}\n",                     // 60
        "parameters: {workers: {underpayment_spread: 2}}\n",                 // 0.5
        "parameters: {workers: {underpayment_max: 0.05}}\n",                 // 0.6
        "parameters: {sme_below_workers: 5}\n",                              // 250
        "tiers:\n  - {name: tier1, capability_sd: 0.4}\n",                   // 0.15
        "tiers:\n  - {name: tier1, firm_size_sd: 1.5}\n",                    // 0.7
    };
    for (const char* overlay : overlays) {
        INFO(overlay);
        CHECK_FALSE(same(outputs(overlay), base));
    }
}

TEST_CASE("programme_correction_base and secondary_extension_share reach the model", "[constants][integration]") {
    const std::string bw = "interventions:\n  - {type: better_work, start: 2019-01, enrolment_per_year: 1}\n";
    CHECK_FALSE(same(outputs(bw + "parameters: {compliance: {programme_correction_base: 2}}\n"), outputs(bw)));
    const std::string sd = "interventions:\n  - {type: social_dialogue, start: 2019-01, extension: 0.5";
    CHECK_FALSE(same(outputs(sd + ", secondary_extension_share: 1}\n"), outputs(sd + "}\n")));
}
