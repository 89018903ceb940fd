// The issue 17 scenario parts as the runner applies them: the warehouse picks an order and
// cancels a shipment in the Picqer fake; engine.import_order asks the engine, whose answers
// by_hand compares; needs_person compares with the engine's report.
#include <gtest/gtest.h>

#include <algorithm>

#include "tools/scenario/runner.h"
#include "tools/scenario/test_support.h"
#include "tools/sim/world.h"

namespace lpsync::scenario {
namespace {

using testing::with;

// One paid order ORD100 of a product both systems know, imported at the first poll.
constexpr const char* kShop = R"({"products": [{"id": 1, "title": "Mug", "variants": [{"id": 11, "sku": "MUG", "stockLevel": 10}]}],
    "orders": [{"id": 100, "number": "ORD100", "createdAt": "-1h", "paymentStatus": "paid", "lines": [{"variant": 11}]}]})";
constexpr const char* kAccount = R"({"products": [{"productcode": "MUG", "stock": {"1": 10}}]})";

Scenario scenario(const std::string& timeline, const std::string& expect = "{}") {
  return testing::parse_ok(with({{"lightspeed", kShop}, {"picqer", kAccount}, {"timeline", timeline},
                                 {"run_until", "\"+2h\""}, {"expect", expect}}));
}

bool traced(const RunResult& r, const std::string& decision) {
  return std::any_of(r.trace.begin(), r.trace.end(),
                     [&](const std::string& line) { return line.find("\"" + decision + "\"") != std::string::npos; });
}

RunOptions keeping_trace() {
  RunOptions o;
  o.keep_trace = true;
  return o;
}

TEST(RunnerActions, PickClosesThePicklistWithoutAShipment) {
  std::vector<fakes::picqer::Shipment> shipments;
  RunOptions options = keeping_trace();
  options.after_run = [&](sim::World& w) { shipments = w.picqer().shipments(); };
  RunResult r = run_scenario(scenario(R"([{"at": "+30m", "picqer.order.pick": {"reference": "ORD100"}}])",
                                      R"({"picqer.orders": [{"reference": "ORD100", "status": "completed"}]})"),
                             options);
  EXPECT_TRUE(r.passed()) << r.summary() << (r.failures.empty() ? "" : " " + r.failures[0].actual);
  EXPECT_FALSE(traced(r, "pick_skipped"));
  EXPECT_TRUE(shipments.empty());
}

TEST(RunnerActions, CancelMarksTheLatestShipmentCancelled) {
  std::vector<fakes::picqer::Shipment> shipments;
  RunOptions options = keeping_trace();
  options.after_run = [&](sim::World& w) { shipments = w.picqer().shipments(); };
  RunResult r = run_scenario(scenario(R"([{"at": "+30m", "picqer.order.ship": {"reference": "ORD100", "trackingcode": "3S1"}},
      {"at": "+31m", "picqer.shipment.cancel": {"reference": "ORD100"}}])"),
                             options);
  EXPECT_TRUE(r.errors.empty()) << r.summary();
  EXPECT_FALSE(traced(r, "cancel_shipment_skipped"));
  ASSERT_EQ(shipments.size(), 1u);
  EXPECT_TRUE(shipments[0].cancelled);
}

TEST(RunnerActions, CancelWithoutAShipmentIsTracedNotAnError) {
  RunResult r = run_scenario(scenario(R"([{"at": "+30m", "picqer.shipment.cancel": {"reference": "ORD100"}}])"),
                             keeping_trace());
  EXPECT_TRUE(r.errors.empty()) << r.summary();
  EXPECT_TRUE(traced(r, "cancel_shipment_skipped"));
}

TEST(RunnerActions, PickupMethodAndCommentReachTheShop) {
  Scenario s = testing::parse_ok(with({{"lightspeed", R"({"orders": [
      {"id": 7, "shipmentIsPickup": true, "shipmentMethodId": 1042, "comment": "Ring twice", "lines": []}]})"},
      {"run_until", "\"+1m\""},
      {"expect", R"({"lightspeed.orders": [{"id": 7, "status": "processing_awaiting_pickup", "shipmentIsPickup": true,
                                             "shipmentMethodId": 1042, "comment": "Ring twice"}]})"}}));
  RunResult r = run_scenario(s);
  EXPECT_TRUE(r.passed()) << r.summary() << (r.failures.empty() ? "" : " " + r.failures[0].what + ": " + r.failures[0].actual);
  s.expect.lightspeed_orders->at(0).fields.comment = "Ring once";
  r = run_scenario(s);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].what, "lightspeed.orders[id=7].comment");
}

TEST(RunnerActions, ImportOrderByHandAsksTheEngineAndByHandComparesItsAnswers) {
  // ORD100 was imported by the first poll: asked for, it is already imported; ORD9 does not exist.
  Scenario s = scenario(R"([{"at": "+30m", "engine.import_order": {"number": "ORD100"}},
                            {"at": "+31m", "engine.import_order": {"number": "ORD9"}}])",
                        R"({"by_hand": [{"order": "ORD100", "answer": "already_imported"},
                                        {"order": "ORD9", "answer": "not_found"}],
                            "picqer.orders_count": 1})");
  RunResult r = run_scenario(s);
  EXPECT_TRUE(r.passed()) << r.summary() << (r.failures.empty() ? "" : " " + r.failures[0].actual);
  std::swap(s.expect.by_hand->at(0), s.expect.by_hand->at(1));  // compared in the order answered
  r = run_scenario(s);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].what, "by_hand");
  EXPECT_EQ(r.failures[0].actual, "[ORD100: already_imported, ORD9: not_found]");
}

TEST(RunnerActions, NeedsPersonComparesWithTheEnginesReport) {
  EXPECT_TRUE(run_scenario(scenario("[]", R"({"needs_person": []})")).passed());
  RunResult r = run_scenario(scenario("[]", R"({"needs_person": [{"order": "ORD100", "reason": "on_hold_after_import"}]})"));
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].what, "needs_person");
  EXPECT_EQ(r.failures[0].expected, "[ORD100: on_hold_after_import]");
  EXPECT_EQ(r.failures[0].actual, "[]");
}

}  // namespace
}  // namespace lpsync::scenario
