// One rate-limit budget per API key, shared by everything that talks to that API, spent by
// priority: orders > shipments > stock > bulk import. The engine asks `available_at` before
// every request and never sends earlier: it plans within the known budget instead of
// running into 429s.
//
// Each window is counted two ways and the stricter wins: a log of our own sends (at most
// `limit` in any span of `length`, which also respects the server's fixed windows; once the
// server's window is known to have reset, what went before that reset no longer counts), and
// the server's own count when its headers tell it (remaining, and for Lightspeed the time
// to reset; for Picqer the reset is placed when the count shows a window that began with our
// own requests). Lower priorities leave headroom in every window for the higher ones: what
// those sent recently (up to the last hour), scaled to the time left until the window
// resets, plus a small floor each, so a day's budget is not spent on stock by noon while
// orders still come in all afternoon. That headroom is spent by the lower priority in the
// last kSpendReserveBefore before it would come back anyway.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "engine/env/time.h"

namespace lpsync {

enum class Priority { orders = 0, shipments = 1, stock = 2, bulk = 3 };
inline constexpr int kPriorities = 4;
std::string_view to_string(Priority p);

struct WindowLimit {
  int64_t limit;
  Duration length;
  bool reported = true;  // the server reports this window in its headers
};

class RateBudget {
 public:
  explicit RateBudget(std::vector<WindowLimit> windows);

  // The earliest instant a request of priority `p` may be sent (now, when it may go now).
  Instant available_at(Priority p, Instant now) const;
  void on_sent(Priority p, Instant now);
  // What the server said after a request: per reported window, the requests remaining
  // and (when known) the time until that window resets.
  void on_reported(const std::vector<int64_t>& remaining, const std::vector<Duration>& reset_in, Instant now);
  // The server refused with 429: nothing is sent before `until`.
  void on_refused(Instant until);

  struct Stats {
    std::array<int64_t, kPriorities> sent{};
    int64_t refusals = 0;  // 429s received
  };
  const Stats& stats() const { return stats_; }
  const std::vector<WindowLimit>& windows() const { return limits_; }
  // Requests left in the tightest window right now (for reports).
  int64_t remaining(Instant now) const;
  // The length of the longest window (of at least kEarlyWindow) with no request left and more
  // than half of it to go before there is room again: its budget went early (for operators).
  std::optional<Duration> exhausted_early(Instant now) const;
  static constexpr Duration kEarlyWindow = Duration::minutes(5);
  // A lower priority spends what a window keeps for the higher ones when that room would
  // come back within this time anyway (the window resets, or the sends holding it leave):
  // a higher priority arriving then waits at most this long, per API.
  static constexpr Duration kSpendReserveBefore = Duration::seconds(20);

 private:
  struct Window {
    WindowLimit limit;
    // Our sends inside the last `length` that went in the server's current window: none from
    // before `counted_from`, the end of a server window we knew (the server counts fixed
    // windows, from the first request after the last one ended).
    std::deque<Instant> sends;
    Instant counted_from;
    std::array<std::deque<Instant>, kPriorities> by_priority;
    std::optional<int64_t> server_remaining;
    std::optional<Instant> server_reset_at;
    Instant server_seen_at;
    int64_t sent_since_report = 0;
  };
  void expire(Window& w, Instant now) const;
  int64_t headroom(const Window& w, Priority p, Instant now) const;
  Instant window_available_at(const Window& w, Priority p, Instant now) const;
  // When the window has room at all (the highest priority's view).
  Instant window_available_at_for_orders(const Window& w, Instant now) const;

  std::vector<WindowLimit> limits_;
  mutable std::vector<Window> windows_;
  Instant blocked_until_;
  Stats stats_;
};

// The documented limits: Lightspeed 300 / 5 min, 3,000 / hour, 12,000 / day (reported in
// that order) and 20 / second (not reported); Picqer 500 / minute.
std::vector<WindowLimit> lightspeed_limits();
std::vector<WindowLimit> picqer_limits();

}  // namespace lpsync
