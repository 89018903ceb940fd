// A SimulatedCrash unwinding through the engine leaves nothing behind: no timer of the dead
// engine fires later, and no SQLite transaction stays open (what it wrote is rolled back;
// what is written after it commits).
#include <gtest/gtest.h>

#include "engine/core/engine.h"
#include "engine/state/sqlite_state_store.h"
#include "tests/crash/crash_run.h"
#include "tools/sim/crash_injector.h"

namespace lpsync::crash {
namespace {

const Instant kStart = Instant::from_unix_seconds(1'800'000'000);

// Answers every request with an empty JSON list.
class EmptyApi final : public Transport {
 public:
  TransportResult send(const Request&) override { return Response{200, {{"Content-Type", "application/json"}}, "[]"}; }
};

TEST(CrashUnwind, ADeadEngineLeavesNoTimers) {
  for (int64_t at = 1; at <= 3; ++at) {
    for (auto moment : {sim::CrashMoment::before_response, sim::CrashMoment::after_response}) {
      SCOPED_TRACE(describe({at, moment}));
      SimClock clock(kStart);
      EmptyApi api;
      sim::CrashInjector injector(api);
      injector.arm(at, moment);
      MemoryStateStore store;
      Trace trace;
      Connection c;
      c.lightspeed_url = "http://lightspeed.test";
      c.picqer_url = "http://picqer.test";
      Settings settings;
      settings.active = true;
      settings.send_stock = true;
      bool crashed = false;
      {
        Engine engine(EngineEnv{clock, injector, store, trace, 1, {}, nullptr}, c, settings);
        engine.start();
        ASSERT_GT(clock.pending(), 0u);
        try {
          for (int i = 0; i < 100 && clock.run_next() && !injector.crash_due();) ++i;
          crashed = injector.crash_due();
        } catch (const sim::SimulatedCrash&) {
          crashed = true;
        }
      }  // the process is gone
      EXPECT_TRUE(crashed);
      EXPECT_EQ(clock.pending(), 0u) << "a timer of the destroyed engine is still set";
    }
  }
}

TEST(CrashUnwind, ACrashInsideACommitKeepsNothingAndLeavesNoTransactionOpen) {
  std::string path = work_dir("unwind") + "/state.db";
  {
    auto store = std::move(SqliteStateStore::open(path).value().store);
    ASSERT_TRUE(store);
    EXPECT_THROW(store->atomically([&] {
      store->put_order_link({1, "ORD1", 100, false, kStart});
      throw sim::SimulatedCrash{7, sim::CrashMoment::before_response};
    }),
                 sim::SimulatedCrash);
    store->put_value("after", "1");  // must be a commit of its own, not part of a leftover
  }
  auto reopened = std::move(SqliteStateStore::open(path).value().store);
  ASSERT_TRUE(reopened);
  EXPECT_FALSE(reopened->order_link(1));
  EXPECT_EQ(reopened->value("after"), "1");
}

}  // namespace
}  // namespace lpsync::crash
