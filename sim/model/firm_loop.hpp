#pragma once
// Loops over a world's firms, in parallel or not. Small worlds (sweeps of small runs) loop on the
// calling thread: a month's work per phase is then smaller than the cost of waking other threads
// (docs/performance.md). The phases' per-firm work is independent between firms, so neither the
// order of the firms nor the split between threads can change a result.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cstddef>

#include "supplysim/model/world.hpp"

namespace supplysim {

// Worlds with fewer workers than this run their per-firm loops on the calling thread.
inline constexpr std::size_t serial_below_workers = 16384;

inline bool loops_serially(const World& w) { return w.workers.size() < serial_below_workers; }

// body(f) for every firm f in [begin, end).
template <class Body>
void for_each_firm(const World& w, std::size_t begin, std::size_t end, const Body& body) {
    if (loops_serially(w)) {
        for (std::size_t f = begin; f < end; ++f) body(f);
        return;
    }
    tbb::parallel_for(begin, end, body);
}

// body(first, last) over consecutive ranges of firms covering [0, firms): one range on the calling
// thread for a small world, TBB's ranges otherwise.
template <class Body>
void for_firm_ranges(const World& w, const Body& body) {
    const std::size_t firms = w.firms.size();
    if (loops_serially(w)) return body(std::size_t(0), firms);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, firms),
                      [&](const tbb::blocked_range<std::size_t>& r) { body(r.begin(), r.end()); });
}

}  // namespace supplysim
