// The answer of `GET /healthz`: the process is alive (it answers), and the last successful
// order poll is recent enough. 200 when healthy, 503 when polls are expected (the connection
// is active) and none has succeeded for longer than `max_poll_age` (counted from the start of
// the run when none has succeeded yet). The body is one JSON object. Pure.
#pragma once

#include <string>

#include "engine/env/time.h"
#include "tools/ops/ops_figures.h"

namespace lpsync::ops {

struct HealthAnswer {
  int status = 200;
  std::string body;  // {"status":"ok"|"stale","last_successful_poll_seconds_ago":N|null,...}
};

// The default stale threshold for a poll interval: three intervals, at least 10 minutes.
Duration default_max_poll_age(Duration poll_interval);

HealthAnswer health_answer(const OpsFigures& figures, Instant now, Duration max_poll_age);

// The answer of a fleet worker's GET /healthz (lpsync worker --listen): healthy while its
// last successful heartbeat (counted from its start before the first) is at most one lease
// period old; older, its leases are lost and it works on nothing.
HealthAnswer worker_health(std::optional<Instant> last_heartbeat, Instant started, Instant now, Duration lease_period,
                           int64_t leases_held);

}  // namespace lpsync::ops
