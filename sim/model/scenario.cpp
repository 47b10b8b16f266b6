#include "supplysim/model/scenario.hpp"

namespace supplysim {

std::int64_t Scenario::total_workers() const {
    std::int64_t n = 0;
    for (const auto& c : countries) n += c.workers;
    return n;
}

}  // namespace supplysim
