// The engine's clock in live mode: the system clock (SystemClock, the wall time), seen through
// a window that can tell what the engine did with it. Every timer the engine sets and every
// piece of work handed to it from another thread (post) is one numbered *callback*, run on
// the SystemClock's thread; each clock reading can be handed to a recorder. That is what a
// cassette needs to replay a live run exactly (replay_clock.h): the same readings, and
// inbound webhooks at the same callback. It also knows its earliest timer, which is how
// `run --once` knows that no work is due any more.
#pragma once

#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>

#include "engine/env/clock.h"

namespace lpsync {

class LiveClock final : public Clock {
 public:
  explicit LiveClock(SystemClock& wall) : wall_(wall) {}
  ~LiveClock() override;

  Instant now() const override;
  TimerId call_at(Instant when, std::function<void()> fn) override;
  bool cancel(TimerId id) override;
  // Runs `fn` on the clock's thread as soon as possible, as a callback (thread-safe).
  void post(std::function<void()> fn);

  // The earliest timer of the engine, if any (posts not counted).
  std::optional<Instant> next_deadline() const;
  // Callbacks started so far; inside a callback, its own number.
  int64_t callbacks() const;

  // Each reading, as it is taken (engine thread). nullptr: none.
  void record_readings(std::function<void(Instant)> recorder) { recorder_ = std::move(recorder); }
  // Runs after every callback (the once-mode check, progress, the listener's secret copy).
  void after_each_callback(std::function<void()> fn) { after_ = std::move(fn); }
  // An exception out of a callback goes to `handler` instead of out of SystemClock::run(), so
  // engines sharing one SystemClock (a fleet worker's) fail alone. The handler runs on the
  // clock's thread; it must not destroy this clock (post that to the SystemClock instead).
  // After an error no other callback of this clock runs: the engine is as good as crashed.
  void on_error(std::function<void(const std::exception&)> handler) { on_error_ = std::move(handler); }

  SystemClock& wall() { return wall_; }

 private:
  TimerId schedule(Instant when, std::function<void()> fn, bool counted_as_timer);

  SystemClock& wall_;
  mutable std::mutex mu_;
  std::map<TimerId, Instant> pending_;  // wall timer id -> deadline, timers of the engine only
  std::map<TimerId, bool> posts_;       // posts not run yet (cancelled with the clock)
  int64_t callbacks_ = 0;
  std::function<void(Instant)> recorder_;
  std::function<void()> after_;
  std::function<void(const std::exception&)> on_error_;
  bool failed_ = false;  // the clock's thread only
};

}  // namespace lpsync
