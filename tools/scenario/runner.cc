#include "tools/scenario/runner.h"

#include <cstdio>

#include "engine/env/stopwatch.h"
#include "tools/scenario/expectations_check.h"
#include "tools/scenario/world_setup.h"

namespace lpsync::scenario {

std::string RunResult::summary() const {
  char wall[32];
  std::snprintf(wall, sizeof wall, "%.2f", wall_seconds);
  std::string head = !errors.empty() ? "INVALID " : passed() ? "PASS " : "FAIL ";
  return head + name + ": " + std::to_string(orders_imported) + " orders imported, " + std::to_string(held) +
         " held, " + std::to_string(stock_pushes) + " stock pushes, " + std::to_string(shipments_pushed) +
         " shipments, " + std::to_string(lightspeed_requests + picqer_requests) + " requests, " +
         format_duration(simulated) + " simulated in " + wall + " s";
}

RunResult run_scenario(const Scenario& s, const RunOptions& options) {
  Stopwatch stopwatch;
  sim::WorldConfig config;
  config.seed = s.seed;
  config.start = s.start;
  config.settings = s.start_settings();
  config.over_http = options.over_http;
  config.keep_trace = options.keep_trace;
  config.trace_out = options.trace_out;
  config.store = options.store;
  config.open_store = options.open_store;
  config.tuning = options.tuning;
  config.lean_fakes = options.lean_fakes;
  if (!s.lightspeed.language.empty()) config.lightspeed.languages = {s.lightspeed.language};
  if (!s.lightspeed.cluster.empty()) config.lightspeed.cluster_id = s.lightspeed.cluster;
  apply_quirks(s.quirks, config.lightspeed, config.picqer);
  apply_vatgroups(s.picqer, config.picqer);
  sim::World world(config);
  if (options.observe) world.trace().observe(options.observe);

  RunResult result;
  result.name = s.name;
  set_up_world(s, world, result.errors);
  // Timeline events are set before the engine starts, so at equal instants they come first.
  for (const Event& e : in_time_order(s.timeline)) {
    world.clock().call_at(e.at, [&world, &result, e] {
      world.trace().decision(e.at, "event", {{"action", action_name(e.action)}});
      apply_event(e, world, result.errors);
    });
  }
  if (options.before_start) options.before_start(world);
  world.start_engine();
  world.run_until(s.run_until);

  if (options.after_run) options.after_run(world);
  result.failures = check_expectations(s.expect, world);
  for (const auto& o : world.picqer().orders()) result.orders_imported += o.via_api;
  result.held = static_cast<int64_t>(world.store().held().size());
  for (const auto& e : world.lightspeed().journal().entries()) {
    bool applied = e.applied && e.status < 400;
    if (e.method == "PUT" && fakes::matches_pattern("PUT /variants/*", e.method, e.path)) result.stock_pushes += applied;
    if (e.method == "PUT" && fakes::matches_pattern("PUT /shipments/*", e.method, e.path)) {
      result.shipments_pushed += applied;
    }
  }
  result.lightspeed_requests = static_cast<int64_t>(world.lightspeed().journal().size());
  result.picqer_requests = static_cast<int64_t>(world.picqer().journal().size());
  result.simulated = s.run_until - s.start;
  result.trace_hash = world.trace().hash();
  result.trace = world.trace().lines();
  result.wall_seconds = stopwatch.seconds();
  return result;
}

}  // namespace lpsync::scenario
