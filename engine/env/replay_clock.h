// The clock of a replay: it answers the engine's readings with the ones a cassette recorded,
// in order, and fires the engine's timers in the order the live SystemClock did (earliest
// deadline first, then the order they were set), numbering them as callbacks like LiveClock,
// so a webhook recorded at callback N is delivered at callback N again. Nothing waits: a
// replayed day takes as long as the engine's work.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/env/clock.h"

namespace lpsync {

class ReplayClock final : public Clock {
 public:
  explicit ReplayClock(std::vector<Instant> readings) : readings_(std::move(readings)) {}

  Instant now() const override;
  TimerId call_at(Instant when, std::function<void()> fn) override;
  bool cancel(TimerId id) override;

  // Runs callback number callbacks()+1: `inbound` when it returns true for that number (a
  // recorded webhook), else the earliest timer. False when there is nothing to run.
  bool run_next(const std::function<bool(int64_t callback)>& inbound);
  int64_t callbacks() const { return callbacks_; }

  // Readings asked for beyond the recorded ones (the replay took another path).
  bool overrun() const { return overrun_; }
  size_t readings_used() const { return next_; }
  size_t readings_recorded() const { return readings_.size(); }

 private:
  std::vector<Instant> readings_;
  mutable size_t next_ = 0;
  mutable bool overrun_ = false;
  TimerId next_id_ = 1;
  std::map<std::pair<Instant, TimerId>, std::function<void()>> timers_;
  std::map<TimerId, Instant> deadlines_;
  int64_t callbacks_ = 0;
};

}  // namespace lpsync
