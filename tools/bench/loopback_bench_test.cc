#include "tools/bench/loopback_bench.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace lpsync::bench {
namespace {

// Two processes, one simulated time: the engine process imports the whole shop from the
// fakes served by this one, every product ends up in the Picqer fake.
TEST(LoopbackBenchTest, AnEngineProcessImportsTheShopFromFakesInAnotherProcess) {
  setenv("TMPDIR", std::getenv("TEST_TMPDIR"), 1);  // the engine's SQLite file
  LoopbackRun run = run_loopback_import(300);
  ASSERT_TRUE(run.engine_reported);
  EXPECT_GE(run.engine.import_ms, 0) << "the import did not end";
  EXPECT_EQ(run.created_in_picqer, 300);
  EXPECT_TRUE(run.finished());
  // Three products' worth of requests at least each way: it went over HTTP to the fakes.
  EXPECT_GT(run.engine.lightspeed_requests, 3);
  EXPECT_GT(run.engine.picqer_requests, 300);
  EXPECT_GT(run.engine.peak_rss_kb, 0);
}

}  // namespace
}  // namespace lpsync::bench
