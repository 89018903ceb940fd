// lpsync bench --quick as a smoke test: every figure is measured and written, the work the
// benchmark drives actually happens. No timing is asserted (the machines are shared).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "engine/env/json.h"
#include "tools/bench/run_bench.h"
#include "tools/command.h"

namespace lpsync {
namespace {

// The figures `lpsync bench ARGS --json FILE` wrote, by key; `out` gets what it printed.
std::map<std::string, double> bench_figures(std::vector<std::string> args, std::ostringstream& out) {
  std::string path = std::string(std::getenv("TEST_TMPDIR")) + "/bench.json";
  std::ostringstream err;
  args.insert(args.begin(), "bench");
  args.insert(args.end(), {"--json", path});
  EXPECT_EQ(cli::run_lpsync(args, out, err), cli::kExitOk) << err.str();
  std::cout << out.str();
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  auto doc = json::parse(text.str());
  std::map<std::string, double> figures;
  for (const auto& f : json::Reader(doc).field("figures").items()) figures[f.string_at("key")] = f.field("value").as_number();
  return figures;
}

TEST(BenchSmoke, QuickRunWritesEveryFigure) {
  std::ostringstream out;
  std::map<std::string, double> figures = bench_figures({"--quick"}, out);
  std::string bulk = std::to_string(bench::kQuickSizes.bulk_products.front());
  std::vector<std::string> keys = {"time_compression",        "seeds_per_minute",
                                   "requests_per_order",      "requests_per_stock_change",
                                   "requests_per_shipment",   "bulk_import_over_bound_" + bulk,
                                   "longest_order_wait_" + bulk, "engine_memory_mb",
                                   "lightspeed_direct_per_s", "lightspeed_http_per_s",
                                   "picqer_direct_per_s",     "picqer_http_per_s"};
  for (const std::string& key : keys) {
    ASSERT_TRUE(figures.count(key)) << key;
    EXPECT_GT(figures[key], 0) << key;
  }
  // The runs behind the figures did their work: every order of the day imported, the bulk
  // import finished.
  EXPECT_NE(out.str().find(std::to_string(bench::kQuickSizes.day.orders) + " orders imported"), std::string::npos);
  EXPECT_EQ(out.str().find("DID NOT FINISH"), std::string::npos);
}

// --loopback-memory N: only the engine process over loopback, and its import finished.
TEST(BenchSmoke, LoopbackMemoryWritesItsFiguresAlone) {
  setenv("TMPDIR", std::getenv("TEST_TMPDIR"), 1);  // the engine's SQLite file
  std::ostringstream out;
  std::map<std::string, double> figures = bench_figures({"--loopback-memory", "300"}, out);
  EXPECT_GT(figures["loopback_engine_peak_rss_mb_300"], 0);
  EXPECT_GT(figures["loopback_requests_300"], 0);
  EXPECT_EQ(figures["loopback_import_finished_300"], 1);
  EXPECT_EQ(figures.count("engine_memory_mb"), 0u);
  EXPECT_EQ(out.str().find("DID NOT FINISH"), std::string::npos);
}

}  // namespace
}  // namespace lpsync
