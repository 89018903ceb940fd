// What the Engine owns: the seams, the current settings, both API clients with their
// budgets, the catalogue, the Picqer account facts, the state store and the report. The jobs
// never see it whole: the Engine hands each job references to the parts it uses
// (JobBasics and the job's Parts, engine/jobs/job_context.h). Nothing in it is global.
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
#include "engine/core/decision_recorder.h"
#include "engine/core/report.h"
#include "engine/core/tuning.h"
#include "engine/env/clock.h"
#include "engine/env/random.h"
#include "engine/jobs/job_context.h"
#include "engine/rules/settings.h"
#include "engine/state/shared_pending.h"
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
  // The pending quantities of the other connections on this Picqer account (sync-rules
  // section 4, last bullet; engine/state/shared_pending.h). nullptr: this shop alone.
  SharedPending* shared_pending = nullptr;
  // The Picqer rate limit shared with the other connections on this account, in any worker
  // (sync-rules section 11; engine/client/shared_limit.h). nullptr: this engine's own budget.
  SharedRateLimit* picqer_shared_limit = nullptr;
  // How long the decision log of `lpsync explain` keeps its entries (state_store.h).
  DecisionRetention decision_retention;
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

  // The shop writer; jobs get it through ShopWrites, only while the settings allow writing.
  LightspeedWrites lightspeed_writer;

  // pending(v) as of the last complete order poll (section 4).
  PendingQuantities pending;
  // Shares it with the other connections on this Picqer account (nullptr: none).
  SharedPending* shared_pending;

  // The decisions about orders and SKUs waiting for the decision log (flushed by the Engine
  // after each tick and callback).
  DecisionRecorder decisions;

  // What every job gets.
  JobBasics job_basics() { return {clock, trace, random, report, settings, tuning, limits, &decisions}; }

  Instant now() const { return clock.now(); }
  // Records a decision in the trace, and about an order or SKU in the decision log.
  void decide(std::string_view what, boost::json::object fields) {
    Instant at = now();  // read once: a replayed run replays the clock readings one by one
    decisions.note(at, what, fields);
    trace.decision(at, what, std::move(fields));
  }
  // Updates the report's API figures (as of the clock's now, or of `at`).
  void refresh_usage() { refresh_usage(now()); }
  void refresh_usage(Instant at);
};

}  // namespace lpsync
