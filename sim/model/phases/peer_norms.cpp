#include "supplysim/model/phases/peer_norms.hpp"

namespace supplysim {

void update_peer_norms(World& w) {
    const auto& firms = w.firms;
    for (int sg = 0; sg < w.segments.count(); ++sg) {
        double total = 0;
        PerArea<double> complying{};
        for (auto f = w.segment_firm_begin[sg]; f < w.segment_firm_begin[sg + 1]; ++f) {
            const double n = firms.workforce(f);
            total += n;
            for (std::size_t a = 0; a < area_count; ++a) complying[a] += n * ((firms.compliant[f] >> a) & 1u);
        }
        if (total > 0)
            for (std::size_t a = 0; a < area_count; ++a) w.peer_compliance[sg][a] = float(complying[a] / total);
    }
}

}  // namespace supplysim
