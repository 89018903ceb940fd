// The simulated world with the SQLite store: engine.crash and engine.down lose the engine's
// memory and keep its database, whether the world keeps one connection (RunOptions.store)
// or reopens the file at every restart (WorldConfig.open_store), and the store kind never
// changes what the engine does.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/state/sqlite_state_store.h"
#include "tests/crash/crash_run.h"
#include "tests/crash/final_state.h"
#include "tools/scenario/runner.h"
#include "tools/scenario/scenario_parser.h"
#include "tools/sim/world.h"

namespace lpsync::crash {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  scenario::RunResult result;
  std::vector<std::string> state;
};

std::string failures_of(const scenario::RunResult& r) {
  std::string out = r.summary();
  for (const auto& e : r.errors) out += "\n  invalid: " + e;
  for (const auto& f : r.failures) out += "\n  " + f.what + ": expected " + f.expected + ", actual " + f.actual;
  return out;
}

Outcome run(const scenario::Scenario& s, scenario::RunOptions options) {
  Outcome out;
  options.keep_trace = true;
  options.after_run = [&](sim::World& w) { out.state = final_state(w); };
  out.result = scenario::run_scenario(s, options);
  return out;
}

std::unique_ptr<SqliteStateStore> open(const std::string& path) {
  auto opened = SqliteStateStore::open(path);
  if (!opened) throw std::runtime_error(opened.error().message);
  return std::move(opened.value().store);
}

TEST(SqliteWorld, CrashAndDownKeepTheDatabaseAndChangeNothingElse) {
  // engine.crash at +4m and engine.down for an hour at +12m, with faults on top.
  scenario::Scenario s = load_crash_scenario("faults-and-restarts");
  Outcome memory = run(s, {});
  ASSERT_TRUE(memory.result.passed()) << failures_of(memory.result);

  // One connection kept across the restarts, on a file under TEST_TMPDIR.
  std::string kept_path = work_dir("world-kept") + "/state.db";
  Outcome kept;
  {
    auto store = open(kept_path);
    scenario::RunOptions options;
    options.store = store.get();
    kept = run(s, options);
  }
  EXPECT_TRUE(kept.result.passed()) << failures_of(kept.result);
  EXPECT_EQ(kept.result.trace_hash, memory.result.trace_hash) << "the store kind changed what the engine did";
  EXPECT_EQ(diff(memory.state, kept.state), "");

  // The file reopened at every restart, as a new process would.
  std::string reopened_path = work_dir("world-reopened") + "/state.db";
  scenario::RunOptions options;
  options.before_start = [&](sim::World& w) { w.open_store_with([&] { return open(reopened_path); }); };
  Outcome reopened = run(s, options);
  EXPECT_TRUE(reopened.result.passed()) << failures_of(reopened.result);
  EXPECT_EQ(reopened.result.trace_hash, memory.result.trace_hash);
  EXPECT_EQ(diff(memory.state, reopened.state), "");

  // What the engine stored is in the files, for the next process.
  for (const auto& path : {kept_path, reopened_path}) {
    auto store = open(path);
    EXPECT_EQ(store->order_links().size(), 2u) << path;
    EXPECT_EQ(store->product_links().size(), 3u) << path;
    EXPECT_EQ(store->shipment_pushes().size(), 2u) << path;
    EXPECT_TRUE(store->intents().empty()) << path;
  }
}

TEST(SqliteWorld, EveryCorpusScenarioRunsTheSameOnSqlite) {
  fs::path dir = fs::path(std::getenv("TEST_SRCDIR")) / std::getenv("TEST_WORKSPACE") / "scenarios";
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().string());
    auto parsed = scenario::load_scenario_file(entry.path().string());
    ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
    const scenario::Scenario& s = parsed.scenario();
    Outcome memory = run(s, {});
    std::string path = work_dir("corpus-" + s.name) + "/state.db";
    scenario::RunOptions options;
    options.before_start = [&](sim::World& w) { w.open_store_with([&] { return open(path); }); };
    Outcome sqlite = run(s, options);
    EXPECT_EQ(sqlite.result.passed(), memory.result.passed()) << failures_of(sqlite.result);
    EXPECT_EQ(sqlite.result.trace_hash, memory.result.trace_hash) << s.name;
    EXPECT_EQ(diff(memory.state, sqlite.state), "") << s.name;
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace lpsync::crash
