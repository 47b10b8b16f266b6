#pragma once
// Phase: the peer norm firms see next month: per segment and area, the share of the segment's
// workforce in firms that comply. Summed in firm order.
#include "supplysim/model/world.hpp"

namespace supplysim {

void update_peer_norms(World& world);

}  // namespace supplysim
