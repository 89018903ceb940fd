// Property 4 of issue 8 (at most once) with the SQLite store, crashes and faults: seeded
// random histories over the crash scenarios, each with one to three crashes at random
// exchanges (before or after the answer) and, in half of them, random lost answers, resets,
// timeouts and server errors on every write that creates something. No Lightspeed order may
// yield two Picqer orders, no SKU two Picqer products, no shop shipment two updates, no
// webhook two registrations; and after the quiet end of the scenario the state must be the
// crash-free one. A failure names the seed and the history; LPSYNC_CRASH_SEED and
// LPSYNC_CRASH_RUNS change the sweep.
#include <cstdlib>
#include <iostream>
#include <map>

#include <gtest/gtest.h>

#include "engine/env/random.h"
#include "tests/crash/crash_run.h"
#include "tests/crash/final_state.h"

namespace lpsync::crash {
namespace {

const std::vector<std::string> kScenarios = {"order-import-creates-products", "shipment-push", "stock-push",
                                             "faults-and-restarts", "bulk-import"};

// Writes that create or mark something once: where a lost answer would tempt a retry.
const std::vector<std::pair<bool, std::string>> kOnceWrites = {  // (lightspeed?, pattern)
    {false, "POST /orders"}, {false, "POST /orders/*/process"}, {false, "POST /products"},
    {false, "POST /products/*/images"}, {false, "POST /products/*/stock/*"}, {false, "POST /hooks"},
    {true, "PUT /shipments/*"}, {true, "POST /webhooks"}, {true, "PUT /variants/*"}};

const std::vector<fakes::FaultKind> kKinds = {fakes::FaultKind::indeterminate, fakes::FaultKind::indeterminate,
                                              fakes::FaultKind::timeout, fakes::FaultKind::reset,
                                              fakes::FaultKind::http_500};

uint64_t env_number(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v ? std::strtoull(v, nullptr, 10) : fallback;
}

struct Baseline {
  scenario::Scenario scenario;
  CrashRun run;
};

TEST(AtMostOnce, UnderCrashesAndFaultsWithTheSqliteStore) {
  uint64_t seed = env_number("LPSYNC_CRASH_SEED", 20261102);
  int runs = static_cast<int>(env_number("LPSYNC_CRASH_RUNS", 60));
  std::string dir = work_dir("at-most-once");
  std::map<std::string, Baseline> baselines;
  for (const auto& name : kScenarios) {
    Baseline b{load_crash_scenario(name), {}};
    b.run = run_with_crashes(b.scenario, {}, dir + "/" + name + "-baseline.db");
    ASSERT_TRUE(b.run.violations.empty()) << name << ": " << b.run.violations.front();
    baselines.emplace(name, std::move(b));
  }
  Random random(seed);
  int64_t crashes = 0, faulted = 0;
  for (int i = 0; i < runs; ++i) {
    const Baseline& b = baselines.at(kScenarios[random.below(kScenarios.size())]);
    int64_t steps = static_cast<int64_t>(b.run.requests.size());
    std::vector<CrashPoint> points;
    std::string history = b.scenario.name + " (seed " + std::to_string(seed) + ", run " + std::to_string(i) + "):";
    for (int64_t n = random.between(1, 3); n > 0; --n) {
      CrashPoint p{random.between(1, steps), random.chance(0.5) ? sim::CrashMoment::before_response
                                                                   : sim::CrashMoment::after_response};
      points.push_back(p);
      history += " " + describe(p) + ";";
    }
    ExtraFaults faults;
    if (random.chance(0.5)) {
      ++faulted;
      for (int64_t n = random.between(1, 4); n > 0; --n) {
        const auto& [lightspeed, pattern] = kOnceWrites[random.below(kOnceWrites.size())];
        fakes::FaultRule rule{kKinds[random.below(kKinds.size())], pattern, static_cast<int>(random.between(1, 2)),
                              std::nullopt, b.scenario.start, 1.0};
        (lightspeed ? faults.lightspeed : faults.picqer).push_back(rule);
        history += " fault " + std::string(fakes::to_string(rule.kind)) + " on " + pattern + " x" +
                   std::to_string(*rule.count) + ";";
      }
    }
    CrashRun r = run_with_crashes(b.scenario, points, dir + "/run-" + std::to_string(i) + ".db", faults);
    crashes += r.crashes;
    for (const auto& v : r.violations) ADD_FAILURE() << history << "\n  at most once: " << v;
    std::string d = diff(b.run.state, r.state);
    EXPECT_TRUE(d.empty()) << history << "\n  final state differs from the crash-free run:\n" << d;
  }
  std::cout << runs << " random histories (" << faulted << " with faults), " << crashes
            << " crashes injected, seed " << seed << "\n";
  EXPECT_GT(crashes, runs) << "most histories should crash at least once";
}

}  // namespace
}  // namespace lpsync::crash
