#include "supplysim/input/levers/registry.hpp"

#include "supplysim/model/levers/better_work.hpp"
#include "supplysim/model/levers/due_diligence.hpp"
#include "supplysim/model/levers/epz_action_plan.hpp"
#include "supplysim/model/levers/formalization.hpp"
#include "supplysim/model/levers/grievance_mechanism.hpp"
#include "supplysim/model/levers/ifa.hpp"
#include "supplysim/model/levers/inspection.hpp"
#include "supplysim/model/levers/joint_liability.hpp"
#include "supplysim/model/levers/purchasing_practices.hpp"
#include "supplysim/model/levers/ratification.hpp"
#include "supplysim/model/levers/score.hpp"
#include "supplysim/model/levers/sector_programme.hpp"
#include "supplysim/model/levers/social_dialogue.hpp"
#include "supplysim/model/levers/social_protection.hpp"

namespace supplysim {

const std::vector<LeverType>& lever_types() {
    static const std::vector<LeverType> types = {
        {"ratification", "A country ratifies an ILO Convention; law and enforcement strengthen after a lag.", read_ratification},
        {"inspection", "Labour inspection staffing, targeting, visits, sanctions, reach, training, remedies.", read_inspection},
        {"better_work", "Better Work enrolment of tier-1 exporters: assessments, advisory, transparency.", read_better_work},
        {"score", "SCORE training modules for SMEs.", read_score},
        {"symapro", "SYMAPRO productivity and working-conditions system for SMEs.", read_symapro},
        {"sector_programme", "A new sectoral programme of assistance to firms.", read_sector_programme},
        {"ppp_funding", "Lead firms fund assistance to their suppliers.", read_ppp_funding},
        {"ifa", "International framework agreement: covered suppliers, grievance channel, union support.", read_ifa},
        {"social_dialogue", "National tripartite institutions; collective agreements extended along the chain.", read_social_dialogue},
        {"joint_liability", "Lead firms liable for violations in lower tiers.", read_joint_liability},
        {"due_diligence", "Lead firms' due diligence: monitor lower tiers, cut unauthorised subcontracting.", read_due_diligence},
        {"purchasing_practices", "Buyers change price pressure and lead times.", read_purchasing_practices},
        {"formalization", "Cheaper formal registration; informal units and homeworkers registered.", read_formalization},
        {"epz_action_plan", "Inspection access and freedom of association in EPZs.", read_epz_action_plan},
        {"social_protection", "Employment-injury insurance and emergency compensation funds.", read_social_protection},
        {"grievance_mechanism", "National contact points and dispute mechanisms workers can use.", read_grievance_mechanism},
    };
    return types;
}

}  // namespace supplysim
