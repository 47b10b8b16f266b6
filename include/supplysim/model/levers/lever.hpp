#pragma once
// The levers a scenario can use, as plain parameter structs (one header each in this folder), and their
// two channels into the model: an effect on the month's Policy (`add_to_policy`, declared beside each
// struct, defined in sim/model/levers/<lever>.cpp) and a per-firm programme (FirmProgramme, run by the
// programmes phase). Readers in the input layer (sim/input/levers/) fill the structs from scenarios.
//
// Adding a lever (docs/architecture.md): its struct and add_to_policy here and in sim/model/levers/,
// one line in `Lever` below; its reader in sim/input/levers/ and one line in lever_types()
// (registry.cpp); its test; its example in scenarios/reference_example.yaml.
#include <variant>

#include "supplysim/model/levers/chain_responsibility.hpp"
#include "supplysim/model/levers/epz_action_plan.hpp"
#include "supplysim/model/levers/formalization.hpp"
#include "supplysim/model/levers/grievance_mechanism.hpp"
#include "supplysim/model/levers/inspection.hpp"
#include "supplysim/model/levers/programme.hpp"
#include "supplysim/model/levers/purchasing_practices.hpp"
#include "supplysim/model/levers/ratification.hpp"
#include "supplysim/model/levers/social_dialogue.hpp"
#include "supplysim/model/levers/social_protection.hpp"

namespace supplysim {

struct Policy;
struct Scenario;
struct Where;

// One alternative per lever struct. Several intervention types share one: every firm programme
// (better_work, score, symapro, sector_programme, ppp_funding, ifa) is a FirmProgramme, and
// due_diligence and joint_liability are a ChainResponsibilityLever with different defaults.
using Lever = std::variant<RatificationLever,
                           InspectionLever,
                           FirmProgramme,
                           SocialDialogueLever,
                           ChainResponsibilityLever,
                           PurchasingPracticesLever,
                           FormalizationLever,
                           EpzActionPlanLever,
                           SocialProtectionLever,
                           GrievanceMechanismLever>;

// Adds the lever's effect at strength `level` (0 < level <= 1) to the month's policy, in the places
// `where` names. Effects are deltas from the scenario's baseline values (never from the running policy
// value), so they commute; policy_for_month adds them in the canonical order and clamps once.
void add_to_policy(const Lever& lever, Policy& policy, const Scenario& scenario, const Where& where, double level);

// The per-firm programme the lever runs, or null.
const FirmProgramme* programme_of(const Lever& lever);

// How much the lever speeds up the ramps of other interventions in its countries: the `uptake_gain` of
// the levers that have one (tripartite consultation under C144, national tripartite institutions), else 0.
double uptake_speed_gain(const Lever& lever);

}  // namespace supplysim
