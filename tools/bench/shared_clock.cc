#include "tools/bench/shared_clock.h"

#include <algorithm>

namespace lpsync::bench {

bool publish_and_run_next(SimClock& clock, SharedMillis& shared) {
  Instant next;
  if (!clock.next_deadline(next)) return false;
  // A timer set for a moment already past fires now: the time never goes back.
  shared.store(std::max(next, clock.now()).unix_millis());
  return clock.run_next();
}

SharedClock::SharedClock(const SharedMillis& shared)
    : shared_(shared), timers_(Instant::from_unix_millis(shared.load())) {}

Instant SharedClock::now() const { return Instant::from_unix_millis(shared_.load()); }

TimerId SharedClock::call_at(Instant when, std::function<void()> fn) { return timers_.call_at(when, std::move(fn)); }

}  // namespace lpsync::bench
