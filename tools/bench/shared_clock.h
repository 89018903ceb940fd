// A simulated time shared by processes (the loopback memory bench, loopback_bench.h): one
// process moves its SimClock and publishes each instant in shared memory (shared_object.h)
// before it acts at that instant; the others read "now" from there through a SharedClock.
// Only the publisher moves time and the readers only answer its requests, so a run is as
// deterministic as on one SimClock.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

#include "engine/env/clock.h"

namespace lpsync::bench {

// The shared time, in milliseconds since the Unix epoch.
using SharedMillis = std::atomic<int64_t>;
static_assert(SharedMillis::is_always_lock_free, "only a lock-free atomic works across processes");

// The publisher's step: publishes the instant of `clock`'s earliest timer, then fires it.
// False when no timer is set.
bool publish_and_run_next(SimClock& clock, SharedMillis& shared);

// The readers' clock. now() is the shared time. Timers wait in a clock of their own and fire
// in order when fire_due() is called (the loopback fakes call it before each request, under
// their lock): a timer that fell due since the last request fires before the next one, at
// that request's time as far as the readers can tell.
class SharedClock final : public Clock {
 public:
  explicit SharedClock(const SharedMillis& shared);

  Instant now() const override;
  TimerId call_at(Instant when, std::function<void()> fn) override;
  bool cancel(TimerId id) override { return timers_.cancel(id); }
  // Fires every timer due by the shared time.
  void fire_due() { timers_.run_until(now()); }

 private:
  const SharedMillis& shared_;
  SimClock timers_;
};

}  // namespace lpsync::bench
