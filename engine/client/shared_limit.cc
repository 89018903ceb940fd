#include "engine/client/shared_limit.h"

#include <algorithm>

#include "engine/env/check.h"

namespace lpsync {

SharedWindows shared_windows(const WindowLimit& limit, Duration window) {
  LPSYNC_CHECK(window > Duration() && window <= limit.length, "a shared window is shorter than the API's");
  int64_t touched = (limit.length.millis() + window.millis() - 1) / window.millis() + 1;
  return {window, std::max<int64_t>(1, limit.limit / touched)};
}

int64_t shared_cap(int64_t per_window, Priority p) {
  switch (p) {
    case Priority::orders:
    case Priority::shipments: return per_window;
    case Priority::stock: return std::max<int64_t>(1, per_window * 4 / 5);
    case Priority::bulk: return std::max<int64_t>(1, per_window * 3 / 5);
  }
  return per_window;
}

std::optional<Instant> MemorySharedRateLimit::take(Priority p, Instant now) {
  std::lock_guard lock(mu_);
  int64_t w = now.unix_millis() / windows_.window.millis();
  if (w != current_) {
    current_ = w;
    sent_ = 0;
  }
  if (sent_ >= shared_cap(windows_.per_window, p)) {
    return Instant::from_unix_millis((w + 1) * windows_.window.millis());
  }
  ++sent_;
  return std::nullopt;
}

}  // namespace lpsync
