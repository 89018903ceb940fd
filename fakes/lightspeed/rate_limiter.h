// Lightspeed's request budget per API key: 5-minute, hourly and daily windows (the
// X-RateLimit-* headers, "5min/hour/day", reset in whole seconds rounded up) plus the
// per-second cap, which has no header. A request counts in every window or in none: a
// refused request (429) spends nothing.
#pragma once

#include <boost/json.hpp>

#include <map>
#include <optional>
#include <string>

#include "engine/env/http.h"
#include "fakes/common/rate_window.h"
#include "fakes/lightspeed/config.h"

namespace lpsync::fakes::lightspeed {

enum class RateWindowName { five_minutes, hour, day, second };
std::string_view describe(RateWindowName w);

class KeyBudget {
 public:
  explicit KeyBudget(const RateLimits& limits);

  // Counts one request, or returns the first full window (and counts nothing).
  std::optional<RateWindowName> try_take(Instant now);
  // X-RateLimit-Limit/-Remaining/-Reset. `as_exhausted` shows the 5-minute window as
  // spent (the answer of an injected http_429 fault).
  void write_headers(Headers& headers, Instant now, bool as_exhausted = false) const;
  // Time until `w` has room again.
  Duration reset_in(RateWindowName w, Instant now) const;
  // {"limit5Min":{...},"limitHour":{...},"limitDay":{...}} of /account/ratelimit.json.
  boost::json::object to_json(Instant now) const;

 private:
  const RateWindow& window(RateWindowName w) const;
  RateWindow five_min_, hour_, day_, second_;
};

// One budget per API key, created on first use.
class RateLimiter {
 public:
  explicit RateLimiter(RateLimits limits) : limits_(limits) {}
  KeyBudget& budget(const std::string& key);

 private:
  RateLimits limits_;
  std::map<std::string, KeyBudget> budgets_;
};

}  // namespace lpsync::fakes::lightspeed
