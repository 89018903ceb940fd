// The outcome of one API request, as the engine decides on it. Every failure is one of:
// retry later (rate_limited, transient, indeterminate), or needs a person (rejected,
// bad_response), or a plain fact (not_found).
#pragma once

#include <boost/json.hpp>

#include <string>

#include "engine/env/time.h"

namespace lpsync {

enum class CallOutcome {
  ok,
  not_found,      // 404
  rejected,       // another 4xx: the request is wrong or not allowed; retrying will not help
  rate_limited,   // the budget said wait, or the server answered 429; retry at retry_at
  transient,      // 5xx, or the request certainly did not arrive; retry with backoff
  indeterminate,  // a write whose answer was lost (timeout, reset): it may have been applied
  bad_response,   // the answer is not what the API promises (the message names the field)
  unauthorized,   // 401: the API refused the key; nothing is sent to it before retry_at
};
std::string_view to_string(CallOutcome o);

inline bool should_retry(CallOutcome o) {
  return o == CallOutcome::rate_limited || o == CallOutcome::transient || o == CallOutcome::indeterminate ||
         o == CallOutcome::unauthorized;
}

template <typename T>
struct ApiResult {
  CallOutcome outcome = CallOutcome::ok;
  T value{};
  std::string message;  // for people; names the API, request and problem; never credentials
  Instant retry_at;     // for rate_limited and unauthorized
  int status = 0;       // the HTTP status, 0 when there was none

  bool ok() const { return outcome == CallOutcome::ok; }

  // The same failure, carrying another value type.
  template <typename U>
  ApiResult<U> failure() const {
    return ApiResult<U>{outcome, U{}, message, retry_at, status};
  }
};

struct Nothing {};

}  // namespace lpsync
