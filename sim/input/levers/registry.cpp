// The intervention types a scenario can name: one line per type, naming its reader.
#include "supplysim/input/levers/registry.hpp"

namespace supplysim {

// The readers, one file each in sim/input/levers/ (several types may share a file).
Lever read_ratification(FieldReader&, const Scenario&, Intervention&);
Lever read_inspection(FieldReader&, const Scenario&, Intervention&);
Lever read_better_work(FieldReader&, const Scenario&, Intervention&);
Lever read_score(FieldReader&, const Scenario&, Intervention&);
Lever read_symapro(FieldReader&, const Scenario&, Intervention&);
Lever read_sector_programme(FieldReader&, const Scenario&, Intervention&);
Lever read_ppp_funding(FieldReader&, const Scenario&, Intervention&);
Lever read_ifa(FieldReader&, const Scenario&, Intervention&);
Lever read_social_dialogue(FieldReader&, const Scenario&, Intervention&);
Lever read_joint_liability(FieldReader&, const Scenario&, Intervention&);
Lever read_due_diligence(FieldReader&, const Scenario&, Intervention&);
Lever read_purchasing_practices(FieldReader&, const Scenario&, Intervention&);
Lever read_formalization(FieldReader&, const Scenario&, Intervention&);
Lever read_epz_action_plan(FieldReader&, const Scenario&, Intervention&);
Lever read_social_protection(FieldReader&, const Scenario&, Intervention&);
Lever read_grievance_mechanism(FieldReader&, const Scenario&, Intervention&);

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
