#include "tools/ops/health.h"

#include <algorithm>

#include "engine/env/json.h"

namespace lpsync::ops {

Duration default_max_poll_age(Duration poll_interval) { return std::max(poll_interval * 3, Duration::minutes(10)); }

HealthAnswer health_answer(const OpsFigures& f, Instant now, Duration max_poll_age) {
  boost::json::object body;
  std::optional<Instant> since = f.last_successful_poll ? f.last_successful_poll : f.started_at;
  bool stale = f.polls_expected && since && now - *since > max_poll_age;
  body["status"] = stale ? "stale" : "ok";
  if (f.last_successful_poll) {
    body["last_successful_poll_seconds_ago"] = (now - *f.last_successful_poll).seconds();
  } else {
    body["last_successful_poll_seconds_ago"] = nullptr;
  }
  body["max_poll_age_seconds"] = max_poll_age.seconds();
  body["polls_expected"] = f.polls_expected;
  if (f.started_at) body["running_seconds"] = (now - *f.started_at).seconds();
  return {stale ? 503 : 200, json::serialize(body) + "\n"};
}

HealthAnswer worker_health(std::optional<Instant> last_heartbeat, Instant started, Instant now, Duration lease_period,
                           int64_t leases_held) {
  boost::json::object body;
  bool stale = now - last_heartbeat.value_or(started) > lease_period;
  body["status"] = stale ? "stale" : "ok";
  if (last_heartbeat) {
    body["last_heartbeat_seconds_ago"] = (now - *last_heartbeat).seconds();
  } else {
    body["last_heartbeat_seconds_ago"] = nullptr;
  }
  body["lease_period_seconds"] = lease_period.seconds();
  body["leases_held"] = leases_held;
  return {stale ? 503 : 200, json::serialize(body) + "\n"};
}

}  // namespace lpsync::ops
