// One API as the engine talks to it: the base URL and credentials, the shared rate budget,
// and the classification of answers into CallOutcomes. Every request goes through here,
// so every request is budgeted, traced and classified the same way. The session never
// waits: when the budget says "not yet", it answers rate_limited with the time to retry,
// and the calling job reschedules itself.
#pragma once

#include <functional>
#include <string>

#include "engine/client/api_call.h"
#include "engine/client/budget.h"
#include "engine/client/shared_limit.h"
#include "engine/env/clock.h"
#include "engine/env/http.h"
#include "engine/trace/trace.h"

namespace lpsync {

enum class ApiKind { lightspeed, picqer };

struct ApiSpec {
  ApiKind kind;
  std::string base_url;       // "https://api.webshopapp.com/en" or "https://acme.picqer.com/api/v1"
  std::string authorization;  // the Authorization header value
  std::string user_agent;
};

class ApiSession {
 public:
  ApiSession(Clock& clock, Transport& transport, RateBudget& budget, Trace& trace, ApiSpec spec);

  // Sends `method` `path` (relative to the base URL, with its query) with an optional JSON
  // body. The answer's JSON is in `value` when ok.
  ApiResult<boost::json::value> call(Priority priority, std::string_view method, const std::string& path,
                                     const boost::json::value* body = nullptr);

  // A GET of an absolute URL outside the API (product images on a CDN): no credentials, no
  // budget. The body is in `value`.
  ApiResult<std::string> fetch(const std::string& url);

  // Refuses every request other than GET while the predicate says writes are not allowed:
  // the read-only guard (a refused write is counted, and fails loudly in the result).
  void guard_writes(std::function<bool()> writes_allowed) { writes_allowed_ = std::move(writes_allowed); }
  int64_t refused_writes() const { return refused_writes_; }

  // Also takes a slot of `shared` before each request (the limit of an account shared with
  // other shops, in any process); nullptr: this session's own budget only.
  void share_limit(SharedRateLimit* shared) { shared_ = shared; }

  // Hears of every request sent, as the trace records it (api, method, target, status or the
  // transport's error kind): the decision log's requests (engine/core/decision_recorder.h).
  using RequestListener = std::function<void(std::string_view api, std::string_view method, std::string_view target,
                                             int status, std::string_view error)>;
  void on_request(RequestListener listener) { on_request_ = std::move(listener); }

  std::string_view name() const { return spec_.kind == ApiKind::lightspeed ? "lightspeed" : "picqer"; }
  RateBudget& budget() { return budget_; }
  int64_t requests() const { return requests_; }
  // While the API refuses the key (its last answer was 401): what to tell a person, else "".
  const std::string& key_refused() const { return key_refused_; }

  // After a 401 nothing is sent to the API for this long; then one request tries the key
  // again (it may have been re-enabled). A new key means a new process: it starts afresh.
  static constexpr Duration kRefusedKeyPause = Duration::hours(1);

 private:
  // The request with the API's headers and the JSON body, if any.
  Request make_request(std::string_view method, const std::string& path, const boost::json::value* body) const;
  // What an answer means: rate limited, a server error, a refused key, not found, rejected or
  // the parsed JSON. Remembers a refused key (and forgets it on any other answer).
  ApiResult<boost::json::value> judge_response(const std::string& what, const Response& r, Instant now);
  void read_rate_headers(const Response& r, Instant now);
  Instant retry_after_429(const Response& r, Instant now) const;
  std::string describe(std::string_view method, const std::string& path) const;
  std::string error_message(const Response& r) const;
  // Into the trace, and to the listener.
  void exchanged(Instant at, std::string_view api, std::string_view method, std::string_view target, int status,
                 std::string_view error = "");

  Clock& clock_;
  Transport& transport_;
  RateBudget& budget_;
  SharedRateLimit* shared_ = nullptr;
  Trace& trace_;
  ApiSpec spec_;
  std::function<bool()> writes_allowed_;
  RequestListener on_request_;
  int64_t refused_writes_ = 0;
  int64_t requests_ = 0;
  std::string key_refused_;
  Instant refused_until_;
};

}  // namespace lpsync
