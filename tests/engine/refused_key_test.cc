// A wrong or revoked API key: the jobs of that API stop with one clear problem in the
// report instead of retrying at once, over and over (the stock job sent GET /warehouses
// 480 times a minute). Simulated clock.
#include <gtest/gtest.h>

#include "tests/engine/shop_fixture.h"

namespace lpsync::testing {
namespace {

// Runs 30 minutes with every job busy while `api` ("Picqer" or "Lightspeed") refuses the key.
void expect_one_problem_when_refused(const std::string& api) {
  Settings s = active_settings();
  s.send_stock = true;
  s.send_shipments = true;
  sim::WorldConfig c = world_config(s);
  (api == "Picqer" ? c.engine_picqer_key : c.engine_lightspeed_key) = "revoked-key";
  sim::World w(c);
  add_standard_catalogue(w);
  place_order(w, "ORD1", {{11, 1}});
  w.start_engine();
  w.run_until(kStart + Duration::minutes(30));
  const Report& report = w.engine()->report();
  EXPECT_LE((api == "Picqer" ? report.picqer : report.lightspeed).requests, 3) << "requests with a refused key";
  std::string problems;
  for (const auto& [key, message] : report.problems) problems += key + ": " + message + "\n";
  EXPECT_NE(problems.find(api + " refused the key"), std::string::npos) << problems;
  EXPECT_EQ(problems.find("revoked-key"), std::string::npos) << "the key itself is never shown: " << problems;
  EXPECT_TRUE(picqer_references(w).empty());
}

TEST(RefusedKey, APicqerKeyRefusedStopsItsJobsWithOneProblem) { expect_one_problem_when_refused("Picqer"); }

TEST(RefusedKey, ALightspeedKeyRefusedStopsItsJobsWithOneProblem) { expect_one_problem_when_refused("Lightspeed"); }

}  // namespace
}  // namespace lpsync::testing
