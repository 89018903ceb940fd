// Runs a scenario: builds the world it describes (fakes with their initial state, the real
// engine with its settings), applies the timeline on the simulated clock (events due at an
// instant before the engine's own timers at that instant), stops at run_until and checks
// every expectation.
#pragma once

#include <boost/json.hpp>

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "engine/core/tuning.h"
#include "engine/state/state_store.h"
#include "tools/scenario/scenario.h"

namespace lpsync::sim {
class World;
}

namespace lpsync::scenario {

struct RunOptions {
  bool over_http = false;       // the fakes on loopback HTTP instead of in-process calls
  std::ostream* trace_out = nullptr;
  bool keep_trace = false;      // keep the trace lines in the result
  StateStore* store = nullptr;  // the engine's durable state (default: in memory)
  // Or: opens the engine's state at start and at every restart, as a new process would.
  std::function<std::unique_ptr<StateStore>()> open_store;
  Tuning tuning;  // the engine's benchmark switches (lpsync bench's naive baseline)
  bool lean_fakes = false;  // the fakes keep no journal or image bytes (lpsync bench)
  std::function<void(const boost::json::object&)> observe;  // each trace line as it happens
  std::function<void(sim::World&)> before_start;  // after the initial state, before the engine starts
  std::function<void(sim::World&)> after_run;     // at run_until, before the world is taken down
};

// An unmet expectation.
struct Failure {
  std::string what;  // "picqer.orders", "lightspeed.variants[id=11].stockLevel", ...
  std::string expected;
  std::string actual;
};

struct RunResult {
  std::string name;
  std::vector<Failure> failures;
  std::vector<std::string> errors;  // actions the fakes refused: the scenario is invalid
  int64_t orders_imported = 0;
  int64_t held = 0;
  int64_t stock_pushes = 0;
  int64_t shipments_pushed = 0;
  int64_t lightspeed_requests = 0;
  int64_t picqer_requests = 0;
  Duration simulated;
  double wall_seconds = 0;
  uint64_t trace_hash = 0;
  std::vector<std::string> trace;

  bool passed() const { return failures.empty() && errors.empty(); }
  // "PASS name: 3 orders imported, 2 held, 14 stock pushes, 212 requests, 24h simulated in 0.4 s"
  std::string summary() const;
};

RunResult run_scenario(const Scenario& scenario, const RunOptions& options = {});

}  // namespace lpsync::scenario
