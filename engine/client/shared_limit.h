// A rate limit shared with every engine that uses the same account, in any process (sync-rules
// section 11: "two connections on one Picqer account share that account's budget across
// workers"). Each engine keeps its own RateBudget (its priorities, the server's reports); before
// a request leaves, it also takes a slot from the shared limit, and waits when there is none.
//
// The shared count is kept in fixed windows (short ones, so a sliding window of the API's
// length never sees more than its limit even across window edges), and lower priorities may
// fill only part of each window: a shop's bulk import on a shared account cannot starve
// another shop's orders.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "engine/client/budget.h"
#include "engine/env/time.h"

namespace lpsync {

// How requests may be counted in fixed windows of `window` so that no span of `limit.length`
// sees more than `limit.limit`: such a span touches at most ceil(length / window) + 1 windows.
struct SharedWindows {
  Duration window;
  int64_t per_window;  // requests per fixed window, all priorities together
};
SharedWindows shared_windows(const WindowLimit& limit, Duration window);
// The part of a window's requests that priority `p` may reach: all for orders and shipments,
// 80 % for stock, 60 % for the bulk import (at least 1 each).
int64_t shared_cap(int64_t per_window, Priority p);

class SharedRateLimit {
 public:
  virtual ~SharedRateLimit() = default;
  // Takes one slot for a request of priority `p` at `now`. nullopt: taken, send it; else when
  // to ask again (the next window).
  virtual std::optional<Instant> take(Priority p, Instant now) = 0;
};

// The shared count in memory, for engines of one process (tests, simulation): one object per
// account, shared by their engines. Thread-safe.
class MemorySharedRateLimit final : public SharedRateLimit {
 public:
  MemorySharedRateLimit(const WindowLimit& limit, Duration window) : windows_(shared_windows(limit, window)) {}
  std::optional<Instant> take(Priority p, Instant now) override;

 private:
  SharedWindows windows_;
  std::mutex mu_;
  int64_t current_ = -1;  // the window of `sent_` (its index since the epoch)
  int64_t sent_ = 0;
};

// Picqer's limit (500 a minute) in 5-second windows: 38 a window, 456 a minute at most.
inline constexpr Duration kSharedPicqerWindow = Duration::seconds(5);

}  // namespace lpsync
