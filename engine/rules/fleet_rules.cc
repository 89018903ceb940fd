#include "engine/rules/fleet_rules.h"

#include <algorithm>

#include "engine/env/check.h"

namespace lpsync {

int64_t fair_share(int64_t connections, int64_t live_workers) {
  LPSYNC_CHECK(connections >= 0 && live_workers >= 0, "counts are never negative");
  int64_t workers = std::max<int64_t>(live_workers, 1);
  return (connections + workers - 1) / workers;
}

LeasePlan plan_leases(int64_t held, int64_t share, int64_t free) {
  LPSYNC_CHECK(held >= 0 && share >= 0 && free >= 0, "counts are never negative");
  if (held > share) return {0, (held - share + 1) / 2};
  return {std::min(share - held, free), 0};
}

bool may_start_write(Instant lease_ends, Instant now, Duration margin) { return lease_ends - now > margin; }

Instant act_on_intents_after(Instant previous_lease_ended, Duration longest_request) {
  return previous_lease_ended + longest_request;
}

}  // namespace lpsync
