#include "engine/client/budget.h"

#include <algorithm>

#include "engine/env/check.h"

namespace lpsync {
namespace {

// Requests every window keeps free for each priority above the one asking, at the least: a
// fiftieth of the window (an order poll needs a handful at once), and never fewer than two;
// in proportion to the time left until the window resets (when the server said when), and
// never fewer than one: a request that finds no room then waits at most that time.
int64_t floor_per_higher_priority(const WindowLimit& w, Duration left) {
  int64_t full = std::max<int64_t>(2, w.limit / 50);
  int64_t length = w.length.millis();
  int64_t ms = std::clamp<int64_t>(left.millis(), 0, length);
  return std::max<int64_t>(1, (full * ms + length - 1) / length);
}
// How soon a wait that only the reserve for higher priorities causes is reconsidered.
constexpr Duration kReconsiderReserve = Duration::minutes(1);

}  // namespace

std::string_view to_string(Priority p) {
  switch (p) {
    case Priority::orders: return "orders";
    case Priority::shipments: return "shipments";
    case Priority::stock: return "stock";
    case Priority::bulk: return "bulk import";
  }
  return "?";
}

std::vector<WindowLimit> lightspeed_limits() {
  return {{300, Duration::minutes(5), true},
          {3000, Duration::hours(1), true},
          {12000, Duration::days(1), true},
          {20, Duration::seconds(1), false}};
}

std::vector<WindowLimit> picqer_limits() { return {{500, Duration::minutes(1), true}}; }

RateBudget::RateBudget(std::vector<WindowLimit> windows) : limits_(std::move(windows)) {
  // headroom() divides by a window's length and remaining() takes the least over windows.
  LPSYNC_CHECK(!limits_.empty(), "a rate budget has at least one window");
  for (const auto& l : limits_) {
    LPSYNC_CHECK(l.limit > 0 && l.length > Duration(), "a rate-budget window allows requests over a positive time");
  }
  for (const auto& l : limits_) windows_.push_back(Window{l, {}, Instant(), {}, std::nullopt, std::nullopt, Instant(), 0});
}

void RateBudget::expire(Window& w, Instant now) const {
  Instant cutoff = now - w.limit.length;
  if (w.server_reset_at && now >= *w.server_reset_at) {
    // The server's window ended: neither its count nor what we sent in it binds any more.
    w.counted_from = *w.server_reset_at;
    w.server_remaining.reset();
    w.server_reset_at.reset();
  }
  while (!w.sends.empty() && (w.sends.front() <= cutoff || w.sends.front() < w.counted_from)) w.sends.pop_front();
  // The higher priorities' pace (headroom) is read over the last `length`, resets or not.
  for (auto& q : w.by_priority) {
    while (!q.empty() && q.front() <= cutoff) q.pop_front();
  }
}

int64_t RateBudget::headroom(const Window& w, Priority p, Instant now) const {
  // Higher priorities keep their pace until this window frees its budget: reserve what
  // they sent in the recent past (at most the last hour), scaled to the time left in the
  // window, plus a small floor each. For a day window at noon that is half a day of orders.
  Duration left = w.server_reset_at ? *w.server_reset_at - now : w.limit.length;
  Duration recent = std::min(w.limit.length, Duration::hours(1));
  int64_t reserve = 0;
  for (int higher = 0; higher < static_cast<int>(p); ++higher) {
    const auto& log = w.by_priority[higher];
    auto from = std::lower_bound(log.begin(), log.end(), now - recent);
    int64_t sent = log.end() - from;
    int64_t expected = (sent * left.millis() + recent.millis() - 1) / recent.millis();
    reserve += expected + floor_per_higher_priority(w.limit, left);
  }
  return reserve;
}

Instant RateBudget::window_available_at(const Window& w, Priority p, Instant now) const {
  int64_t reserve = headroom(w, p, now);
  int64_t used = static_cast<int64_t>(w.sends.size());
  int64_t left = w.limit.limit - used;
  Instant at = now;
  if (left - reserve <= 0) {
    // Wait until enough of our own sends leave the window.
    int64_t need = reserve - left + 1;  // sends that must expire
    LPSYNC_CHECK(need >= 1, "a window without room needs at least one send to expire");
    Instant room = need > used ? now + w.limit.length
                               : w.sends[static_cast<size_t>(need - 1)] + w.limit.length + Duration::millis(1);
    // Every send counted went in the server's current window: all leave at its reset.
    if (w.server_reset_at) room = std::min(room, *w.server_reset_at);
    at = std::max(at, room);
  }
  if (w.server_remaining) {
    int64_t server_left = *w.server_remaining - w.sent_since_report;
    if (server_left - reserve <= 0) {
      Instant reset = w.server_reset_at ? *w.server_reset_at : w.server_seen_at + w.limit.length;
      at = std::max(at, reset);
    }
  }
  if (reserve > 0 && at > now) {
    // `at` is when the reserve is whole again (the window resets, or the sends holding it
    // leave the window). From kSpendReserveBefore earlier a higher priority that found no
    // room would wait at most that long, so the lower one spends the room, one request at a
    // time while that still holds, rather than leave it unused.
    Instant hard = window_available_at_for_orders(w, now);
    at = std::max(hard, at - kSpendReserveBefore);
    // A wait caused only by the reserve is looked at again within a minute: the higher
    // priorities may have slowed down.
    if (at > now + kReconsiderReserve) at = std::max(hard, now + kReconsiderReserve);
  }
  return at;
}

Instant RateBudget::window_available_at_for_orders(const Window& w, Instant now) const {
  int64_t used = static_cast<int64_t>(w.sends.size());
  Instant at = now;
  if (w.limit.limit - used <= 0) {
    Instant room = w.sends.front() + w.limit.length + Duration::millis(1);
    if (w.server_reset_at) room = std::min(room, *w.server_reset_at);
    at = std::max(at, room);
  }
  if (w.server_remaining && *w.server_remaining - w.sent_since_report <= 0) {
    at = std::max(at, w.server_reset_at ? *w.server_reset_at : w.server_seen_at + w.limit.length);
  }
  return at;
}

Instant RateBudget::available_at(Priority p, Instant now) const {
  Instant at = std::max(now, blocked_until_);
  for (auto& w : windows_) {
    expire(w, now);
    at = std::max(at, window_available_at(w, p, now));
  }
  return at;
}

void RateBudget::on_sent(Priority p, Instant now) {
  ++stats_.sent[static_cast<int>(p)];
  for (auto& w : windows_) {
    expire(w, now);
    w.sends.push_back(now);
    w.by_priority[static_cast<int>(p)].push_back(now);
    ++w.sent_since_report;
  }
}

void RateBudget::on_reported(const std::vector<int64_t>& remaining, const std::vector<Duration>& reset_in,
                             Instant now) {
  size_t k = 0;
  for (auto& w : windows_) {
    if (!w.limit.reported) continue;
    if (k < remaining.size()) {
      // The server's window holds no more than what we sent since its last answer: it began
      // with one of those requests (a window opens with a request), at the latest now.
      bool began_with_ours = w.limit.limit - remaining[k] <= w.sent_since_report;
      w.server_remaining = remaining[k];
      w.server_seen_at = now;
      w.sent_since_report = 0;
      if (k < reset_in.size()) {
        w.server_reset_at = now + reset_in[k];
      } else if (began_with_ours) {
        // Not said when it resets (Picqer): at the latest a window's length from now. A later
        // answer without that sign keeps this reset.
        w.server_reset_at = now + w.limit.length;
      }
    }
    ++k;
  }
}

void RateBudget::on_refused(Instant until) {
  ++stats_.refusals;
  blocked_until_ = std::max(blocked_until_, until);
}

int64_t RateBudget::remaining(Instant now) const {
  int64_t least = INT64_MAX;
  for (auto& w : windows_) {
    expire(w, now);
    int64_t left = w.limit.limit - static_cast<int64_t>(w.sends.size());
    if (w.server_remaining) left = std::min(left, *w.server_remaining - w.sent_since_report);
    least = std::min(least, left);
  }
  return least;
}

std::optional<Duration> RateBudget::exhausted_early(Instant now) const {
  std::optional<Duration> longest;
  for (auto& w : windows_) {
    if (w.limit.length < kEarlyWindow) continue;
    expire(w, now);
    Instant room = window_available_at_for_orders(w, now);
    bool empty = room > now;
    if (empty && room - now > Duration::millis(w.limit.length.millis() / 2) && (!longest || w.limit.length > *longest)) {
      longest = w.limit.length;
    }
  }
  return longest;
}

}  // namespace lpsync
