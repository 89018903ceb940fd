// The engine's shared parts, owned by the Engine and used by every job: the seams, the
// current settings, both API clients with their budgets, the catalogue, the Picqer account
// facts, the state store and the report. Jobs hold a reference to it; nothing in it is
// global.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/client/lightspeed_client.h"
#include "engine/client/picqer_client.h"
#include "engine/core/catalog.h"
#include "engine/core/connection.h"
#include "engine/core/report.h"
#include "engine/core/tuning.h"
#include "engine/env/clock.h"
#include "engine/env/random.h"
#include "engine/rules/settings.h"
#include "engine/state/state_store.h"
#include "engine/trace/trace.h"

namespace lpsync {

struct EngineEnv {
  Clock& clock;
  Transport& transport;
  StateStore& store;
  Trace& trace;
  uint64_t seed = 0;
  Tuning tuning;
  // New secrets (webhook signing secrets). Default: drawn from the seed (simulation);
  // live mode passes the system's secure source.
  std::function<std::string()> make_secret;
};

// What the engine read of the Picqer account.
struct PicqerAccount {
  bool loaded = false;
  std::vector<pq::Warehouse> warehouses;
  std::vector<pq::VatGroup> vatgroups;  // never empty once loaded
};

class Core {
 public:
  Core(EngineEnv env, Connection connection, Settings settings);
  Core(const Core&) = delete;
  Core& operator=(const Core&) = delete;

  Clock& clock;
  StateStore& store;
  Trace& trace;
  Connection connection;
  Settings settings;
  Random random;

  RateBudget lightspeed_budget;
  RateBudget picqer_budget;
  ApiSession lightspeed_session;
  ApiSession picqer_session;
  LightspeedReads lightspeed;
  PicqerClient picqer;

  ShopCatalog catalog;
  PicqerAccount account;
  Tuning tuning;
  Limits limits;  // page and queue caps (engine/core/limits.h)
  Report report;
  std::function<std::string()> make_secret;

  // pending(v) as of the last complete order poll (section 4).
  std::map<int64_t, int64_t> pending;

  // The shop writer, only while the connection may write to the shop; nullptr otherwise.
  LightspeedWrites* lightspeed_writes() { return settings.may_write_lightspeed() ? &lightspeed_writer_ : nullptr; }

  Instant now() const { return clock.now(); }
  // Records a decision in the trace.
  void decide(std::string_view what, boost::json::object fields) { trace.decision(now(), what, std::move(fields)); }
  // Updates the report's API figures.
  void refresh_usage();

 private:
  LightspeedWrites lightspeed_writer_;
};

// Retries after failures: when a call fails with a retryable outcome, when to try again
// (the server's time for rate limits; capped exponential backoff with seeded jitter for
// server errors, timeouts and resets).
class Backoff {
 public:
  static constexpr Duration kBase = Duration::seconds(5);
  static constexpr Duration kCap = Duration::minutes(10);

  template <typename T>
  Instant retry_at(const ApiResult<T>& failed, Instant now, Random& random) {
    if (failed.outcome == CallOutcome::rate_limited || failed.outcome == CallOutcome::unauthorized) {
      return std::max(failed.retry_at, now + Duration::millis(1));
    }
    return after_failure(now, random);
  }
  // After any other failure (also one that is not a call's: a whole job's step failed).
  Instant after_failure(Instant now, Random& random) { return now + next_delay(random); }
  void succeeded() { attempts_ = 0; }
  int attempts() const { return attempts_; }

 private:
  Duration next_delay(Random& random);
  int attempts_ = 0;
};

}  // namespace lpsync
