// Test equipment: waits until `done` holds (what another thread does: a sender, a server),
// polling it, for at most `bound` of wall time. Polling a condition, not waiting for time.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

#include "engine/env/clock.h"

namespace lpsync::ops::testing {

inline bool eventually(const std::function<bool()>& done, Duration bound = Duration::seconds(20)) {
  SystemClock wall;
  Instant until = wall.now() + bound;
  while (!done()) {
    if (wall.now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

}  // namespace lpsync::ops::testing
