// Retries after failures: when a call fails with a retryable outcome, when to try again
// (the server's time for rate limits; capped exponential backoff with seeded jitter for
// server errors, timeouts and resets). Each job keeps its own.
#pragma once

#include <algorithm>

#include "engine/client/api_call.h"
#include "engine/env/random.h"
#include "engine/env/time.h"

namespace lpsync {

class Backoff {
 public:
  static constexpr Duration kBase = Duration::seconds(5);
  static constexpr Duration kCap = Duration::minutes(10);

  template <typename T>
  Instant retry_at(const ApiResult<T>& failed, Instant now, Random& random) {
    if (failed.outcome == CallOutcome::rate_limited || failed.outcome == CallOutcome::unauthorized) {
      return std::max(failed.retry_at, now + Duration::millis(1));
    }
    return after_failure(now, random);
  }
  // After any other failure (also one that is not a call's: a whole job's step failed).
  Instant after_failure(Instant now, Random& random) { return now + next_delay(random); }
  void succeeded() { attempts_ = 0; }
  int attempts() const { return attempts_; }

 private:
  Duration next_delay(Random& random);
  int attempts_ = 0;
};

}  // namespace lpsync
