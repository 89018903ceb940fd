// A clock for code that is not meant to be called from two threads at once (the fakes),
// served by HTTP server threads that each hold one mutex around a request: every timer
// callback runs holding that same mutex, so the code only ever sees one caller. Time and
// timers are those of the clock underneath (the wall clock, in serve-fakes and the live
// tests' fake services).
#pragma once

#include <functional>
#include <mutex>
#include <utility>

#include "engine/env/clock.h"

namespace lpsync {

class LockedClock final : public Clock {
 public:
  LockedClock(Clock& inner, std::mutex& mutex) : inner_(inner), mutex_(mutex) {}

  Instant now() const override { return inner_.now(); }
  TimerId call_at(Instant when, std::function<void()> fn) override {
    return inner_.call_at(when, [this, fn = std::move(fn)] {
      std::lock_guard lock(mutex_);
      fn();
    });
  }
  bool cancel(TimerId id) override { return inner_.cancel(id); }

 private:
  Clock& inner_;
  std::mutex& mutex_;
};

}  // namespace lpsync
