// A fixed rate-limit window as both APIs describe theirs: up to `limit` requests, counted
// from the first request after the previous window ended, for `length`; "reset" is the time
// left until the window ends.
#pragma once

#include <cstdint>

#include "engine/env/time.h"

namespace lpsync::fakes {

class RateWindow {
 public:
  RateWindow(int64_t limit, Duration length) : limit_(limit), length_(length) {}

  // Counts one request if the window has room; false (and nothing counted) when it is full.
  bool try_take(Instant now);
  int64_t limit() const { return limit_; }
  int64_t remaining(Instant now) const;
  // Time until the current window ends (the full length when no window is open).
  Duration reset_in(Instant now) const;
  bool full(Instant now) const { return remaining(now) <= 0; }

 private:
  bool open(Instant now) const { return started_ && now < start_ + length_; }

  int64_t limit_;
  Duration length_;
  bool started_ = false;
  Instant start_;
  int64_t used_ = 0;
};

}  // namespace lpsync::fakes
