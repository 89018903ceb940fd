// Section 11 of sync-rules.md, the decisions of a fleet worker, as pure functions: how many
// connections to hold, when an external write may still start under a lease, and when a new
// owner may act on what the previous owner left in flight. engine/state/pg_fleet.h carries
// them out.
#pragma once

#include <cstdint>

#include "engine/env/time.h"

namespace lpsync {

// A worker's fair share of the connections: ceil(connections / live workers), at least 1 while
// there are connections. `live_workers` counts this worker too (0 is read as 1).
int64_t fair_share(int64_t connections, int64_t live_workers);

// What a worker does at a heartbeat: claim free connections up to its share, or hand back half
// of what it holds beyond its share (rounded up): a new worker gets its share within a few
// beats, and workers whose counts of live workers differ for a beat do not hand back too much.
struct LeasePlan {
  int64_t claim = 0;
  int64_t release = 0;
  bool operator==(const LeasePlan&) const = default;
};
LeasePlan plan_leases(int64_t held, int64_t share, int64_t free);

// An external write (to Picqer or Lightspeed) may start only while the lease has more than
// `margin` left: the longest a request can take, so no write of this worker is still in
// flight when the lease ends and another worker may take over.
bool may_start_write(Instant lease_ends, Instant now, Duration margin);

// A new owner acts on intents the previous owner left open (looks the create up, then acts)
// only after the previous lease ended and its longest request could have arrived.
Instant act_on_intents_after(Instant previous_lease_ended, Duration longest_request);

}  // namespace lpsync
