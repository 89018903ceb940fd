// How a piece of a job's work ended: done (StepWith<T> also carries its result); failed for
// this item only (the job goes on with the next one and the report says why); or stop, to
// run again at `retry_at` (rate limits, server errors, lost answers).
#pragma once

#include <string>

#include "engine/jobs/backoff.h"
#include "engine/jobs/job_context.h"

namespace lpsync {

struct Step {
  enum Kind { done, failed, stop };
  Kind kind = done;
  Instant retry_at;
  std::string message;

  static Step ok() { return {}; }
  static Step item_failed(std::string message) { return {failed, Instant(), std::move(message)}; }
  static Step stop_until(Instant at, std::string message) { return {stop, at, std::move(message)}; }
  bool is_done() const { return kind == done; }
};

// A step that also carries what it produced (instead of an out-parameter): built from a value
// it is done; built from any Step it is that step, with the value left default (callers read
// `value` only when is_done()).
template <typename T>
struct StepWith : Step {
  T value{};

  StepWith(Step step) : Step(std::move(step)) {}
  StepWith(T v) : value(std::move(v)) {}
};

// The step for a failed call: retryable outcomes stop the run (with the backoff's time),
// the others fail this item with the call's message.
template <typename T>
Step step_for(const JobBasics& basics, Backoff& backoff, const ApiResult<T>& failed) {
  if (should_retry(failed.outcome)) {
    return Step::stop_until(backoff.retry_at(failed, basics.now(), basics.random), failed.message);
  }
  return Step::item_failed(failed.message);
}

}  // namespace lpsync
