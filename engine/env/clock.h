// The clock seam. The engine and the fakes read the time and set timers only through a
// Clock, so the same code runs on the wall clock (SystemClock) and on a simulated clock
// (SimClock) where a day passes in milliseconds.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <utility>

#include "engine/env/time.h"

namespace lpsync {

using TimerId = uint64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
  // Calls `fn` at `when` (as soon as possible when `when` has passed). Timers with equal
  // deadlines fire in the order they were set.
  virtual TimerId call_at(Instant when, std::function<void()> fn) = 0;
  TimerId call_after(Duration delay, std::function<void()> fn) { return call_at(now() + delay, std::move(fn)); }
  // Returns false when the timer already fired or was cancelled.
  virtual bool cancel(TimerId id) = 0;
};

// Time moves only when told to: run_next() jumps to the earliest timer, run_until(t) fires
// every timer due up to t and then stands at t. Timers may set and cancel timers.
// Thread-safe, so a fake mounted on a loopback server can set timers from its thread.
class SimClock final : public Clock {
 public:
  explicit SimClock(Instant start) : now_(start) {}

  Instant now() const override;
  TimerId call_at(Instant when, std::function<void()> fn) override;
  bool cancel(TimerId id) override;

  // Fires the earliest timer (moving the time forward to it). False when none is set.
  bool run_next();
  // Fires every timer due at or before `until`, in order, then sets the time to `until`
  // (never backwards). Returns the number of timers fired.
  size_t run_until(Instant until);
  size_t advance(Duration d) { return run_until(now() + d); }
  // The deadline of the earliest timer, if any.
  bool next_deadline(Instant& out) const;
  size_t pending() const;

 private:
  bool pop_due(Instant limit, std::function<void()>& fn);

  mutable std::mutex mu_;
  Instant now_;
  TimerId next_id_ = 1;
  // (deadline, id) orders timers by deadline, then by the order they were set.
  std::map<std::pair<Instant, TimerId>, std::function<void()>> timers_;
  std::map<TimerId, Instant> deadlines_;
};

// The wall clock, for live mode. Timers fire on the thread that calls run(); other threads
// hand work to that thread with post(). Only this class and the system random source may
// read the wall clock (tests/determinism_check.sh enforces this).
class SystemClock final : public Clock {
 public:
  Instant now() const override;
  TimerId call_at(Instant when, std::function<void()> fn) override;
  bool cancel(TimerId id) override;

  // Runs `fn` on the run() thread as soon as possible (thread-safe).
  void post(std::function<void()> fn) { call_at(Instant::from_unix_millis(0), std::move(fn)); }
  // Fires timers as they fall due until stop() is called.
  void run();
  void stop();

 private:
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  TimerId next_id_ = 1;
  std::map<std::pair<Instant, TimerId>, std::function<void()>> timers_;
  std::map<TimerId, Instant> deadlines_;
};

}  // namespace lpsync
