#include "engine/jobs/backoff.h"

namespace lpsync {

Duration Backoff::next_delay(Random& random) {
  Duration d = kBase;
  for (int i = 0; i < attempts_ && d < kCap; ++i) d = d * 2;
  if (d > kCap) d = kCap;
  ++attempts_;
  // Jitter: between half and the full delay.
  int64_t ms = d.millis();
  return Duration::millis(ms / 2 + static_cast<int64_t>(random.below(static_cast<uint64_t>(ms / 2 + 1))));
}

}  // namespace lpsync
