#include "fakes/lightspeed/rate_limiter.h"

#include "fakes/lightspeed/serialize.h"

namespace lpsync::fakes::lightspeed {
namespace {

constexpr RateWindowName kAll[] = {RateWindowName::second, RateWindowName::five_minutes, RateWindowName::hour,
                                   RateWindowName::day};

std::string triple(int64_t a, int64_t b, int64_t c) {
  return std::to_string(a) + "/" + std::to_string(b) + "/" + std::to_string(c);
}

}  // namespace

std::string_view describe(RateWindowName w) {
  switch (w) {
    case RateWindowName::five_minutes: return "5-minute";
    case RateWindowName::hour: return "hourly";
    case RateWindowName::day: return "daily";
    case RateWindowName::second: return "per-second";
  }
  return "unknown";
}

KeyBudget::KeyBudget(const RateLimits& limits)
    : five_min_(limits.per_5min, Duration::minutes(5)),
      hour_(limits.per_hour, Duration::hours(1)),
      day_(limits.per_day, Duration::days(1)),
      second_(limits.per_second, Duration::seconds(1)) {}

const RateWindow& KeyBudget::window(RateWindowName w) const {
  switch (w) {
    case RateWindowName::five_minutes: return five_min_;
    case RateWindowName::hour: return hour_;
    case RateWindowName::day: return day_;
    case RateWindowName::second: break;
  }
  return second_;
}

std::optional<RateWindowName> KeyBudget::try_take(Instant now) {
  for (RateWindowName w : kAll) {
    if (window(w).full(now)) return w;
  }
  for (RateWindow* w : {&second_, &five_min_, &hour_, &day_}) w->try_take(now);
  return std::nullopt;
}

Duration KeyBudget::reset_in(RateWindowName w, Instant now) const { return window(w).reset_in(now); }

void KeyBudget::write_headers(Headers& headers, Instant now, bool as_exhausted) const {
  auto reset = [&](const RateWindow& w) { return w.reset_in(now).seconds_ceil(); };
  headers.set("X-RateLimit-Limit", triple(five_min_.limit(), hour_.limit(), day_.limit()));
  headers.set("X-RateLimit-Remaining", triple(as_exhausted ? 0 : five_min_.remaining(now), hour_.remaining(now),
                                              day_.remaining(now)));
  headers.set("X-RateLimit-Reset", triple(reset(five_min_), reset(hour_), reset(day_)));
}

boost::json::object KeyBudget::to_json(Instant now) const {
  auto one = [&](const RateWindow& w) {
    Duration left = w.reset_in(now);
    return boost::json::object{{"limit", w.limit()},
                               {"remaining", w.remaining(now)},
                               {"reset", left.seconds_ceil()},
                               {"resetTime", timestamp(now + Duration::seconds(left.seconds_ceil()))}};
  };
  return {{"limit5Min", one(five_min_)}, {"limitHour", one(hour_)}, {"limitDay", one(day_)}};
}

KeyBudget& RateLimiter::budget(const std::string& key) {
  auto it = budgets_.find(key);
  if (it == budgets_.end()) it = budgets_.emplace(key, KeyBudget(limits_)).first;
  return it->second;
}

}  // namespace lpsync::fakes::lightspeed
