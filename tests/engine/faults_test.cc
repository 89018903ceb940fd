// Faults on both APIs: 429 storms, 5xx bursts, timeouts, resets and an indeterminate order
// create all end with every eligible order imported exactly once. One run goes over real
// HTTP on loopback.
#include <gtest/gtest.h>

#include "tests/engine/shop_fixture.h"

namespace lpsync::testing {
namespace {

using fakes::FaultKind;

// Places `n` paid orders of the mug, one every `gap`, from now.
void place_paid_orders(sim::World& w, int n, Duration gap) {
  for (int i = 0; i < n; ++i) {
    Instant at = w.clock().now() + gap * i;
    w.clock().call_at(at, [&w, i] { place_order(w, "ORD" + std::to_string(i), {{21, 1}, {11, 1}}); });
  }
}

void expect_each_imported_once(sim::World& w, int n) {
  auto refs = picqer_references(w);
  EXPECT_EQ(refs.size(), static_cast<size_t>(n));
  for (size_t i = 1; i < refs.size(); ++i) EXPECT_NE(refs[i], refs[i - 1]) << "imported twice";
  // No product was created twice either.
  EXPECT_EQ(w.picqer().products().size(), 2u);  // SHIRT-S (existing) and MUG (created)
}

struct FaultCase {
  const char* name;
  bool on_lightspeed;
  FaultKind kind;
  const char* match;
  int count = 0;  // 0: 40% of matching requests for two hours; else the next `count`
};

class EveryFault : public ::testing::TestWithParam<FaultCase> {};

TEST_P(EveryFault, EndsWithEveryOrderImportedExactlyOnce) {
  const FaultCase& c = GetParam();
  sim::World w(world_config(active_settings(), 7));
  add_standard_catalogue(w);
  fakes::FaultRule rule{c.kind, c.match, std::nullopt, kStart + Duration::hours(2), kStart, 0.4};
  if (c.count > 0) rule = {c.kind, c.match, c.count, std::nullopt, kStart};
  if (c.on_lightspeed) {
    w.lightspeed().faults().add(rule);
  } else {
    w.picqer().add_fault(rule);
  }
  w.start_engine();
  place_paid_orders(w, 12, Duration::minutes(9));
  w.run_until(kStart + Duration::hours(5));
  size_t injected = c.on_lightspeed ? w.lightspeed().faults().injected().size() : w.picqer().faults().injected().size();
  EXPECT_GT(injected, 0u) << "the fault never fired: the test proves nothing";
  expect_each_imported_once(w, 12);
}

INSTANTIATE_TEST_SUITE_P(
    Faults, EveryFault,
    ::testing::Values(FaultCase{"ls_429", true, FaultKind::http_429, ""},
                      FaultCase{"ls_500", true, FaultKind::http_500, ""},
                      FaultCase{"ls_503", true, FaultKind::http_503, ""},
                      FaultCase{"ls_timeout", true, FaultKind::timeout, ""},
                      FaultCase{"ls_reset", true, FaultKind::reset, ""},
                      FaultCase{"pq_429", false, FaultKind::http_429, ""},
                      FaultCase{"pq_500", false, FaultKind::http_500, ""},
                      FaultCase{"pq_503", false, FaultKind::http_503, ""},
                      FaultCase{"pq_timeout", false, FaultKind::timeout, ""},
                      FaultCase{"pq_reset", false, FaultKind::reset, ""},
                      FaultCase{"pq_indeterminate_orders", false, FaultKind::indeterminate, "POST /orders"},
                      FaultCase{"pq_indeterminate_products", false, FaultKind::indeterminate, "POST /products", 1},
                      FaultCase{"pq_indeterminate_process", false, FaultKind::indeterminate, "POST /orders/*/process"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Faults, AnIndeterminateOrderCreateIsAdoptedNotCreatedAgain) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  w.picqer().add_fault({FaultKind::indeterminate, "POST /orders", 1, std::nullopt, kStart});
  place_order(w, "ORD1", {{11, 1}});
  w.start_engine();
  w.run_until(kStart + Duration::minutes(30));
  EXPECT_EQ(w.picqer().faults().injected().at(FaultKind::indeterminate), 1);
  auto orders = w.picqer().orders_by_reference("ORD1");
  ASSERT_EQ(orders.size(), 1u);
  EXPECT_EQ(orders[0].status, "processing");  // adopted, then processed
  EXPECT_EQ(w.picqer().journal().writes("POST /orders"), 1u);
}

TEST(Faults, ACutShortProductSetUpIsFinishedExactlyOnce) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  // The first image upload of the new MUG product fails: its set-up is cut short and is
  // finished when the order is decided again.
  w.picqer().add_fault({FaultKind::http_500, "POST /products/*/images", 1, std::nullopt, kStart});
  place_order(w, "ORD1", {{21, 1}});
  w.start_engine();
  w.run_until(kStart + Duration::minutes(30));
  EXPECT_EQ(w.picqer().faults().injected().at(FaultKind::http_500), 1);
  EXPECT_EQ(picqer_references(w), (std::vector<std::string>{"ORD1"}));
  EXPECT_EQ(w.picqer().product_by_code("MUG")->images.size(), 2u);
  // One base-stock write, and the images counted once (after the failed upload), not again.
  EXPECT_EQ(w.picqer().journal().writes("POST /products/*/stock/*"), 1u);
  EXPECT_EQ(w.picqer().journal().count("GET /products/*/images"), 1u);
}

TEST(Faults, ATooManyRequestsStormWaitsForTheResetAndLosesNothing) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  // Every Lightspeed request for 20 minutes is refused with 429.
  w.lightspeed().faults().add({FaultKind::http_429, "", std::nullopt, kStart + Duration::minutes(20), kStart});
  place_paid_orders(w, 3, Duration::minutes(1));
  w.start_engine();
  w.run_until(kStart + Duration::minutes(19));
  EXPECT_TRUE(picqer_references(w).empty());
  size_t refused = w.lightspeed().journal().size();
  // The engine waited for the advertised reset instead of hammering the API.
  EXPECT_LT(refused, 20u);
  w.run_until(kStart + Duration::hours(1));
  expect_each_imported_once(w, 3);
}

TEST(Faults, TheRealRateLimitIsNeverExceeded) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  place_paid_orders(w, 200, Duration::seconds(30));
  w.start_engine();
  w.run_until(kStart + Duration::hours(3));
  // No 429 from either fake: the budget planned within the limits.
  for (const auto& e : w.lightspeed().journal().entries()) ASSERT_NE(e.status, 429);
  for (const auto& e : w.picqer().journal().entries()) ASSERT_NE(e.status, 429);
  expect_each_imported_once(w, 200);
}

TEST(OverHttp, TheSameRunGivesTheSameResultOnLoopback) {
  for (bool http : {false, true}) {
    sim::WorldConfig c = world_config();
    c.over_http = http;
    sim::World w(c);
    add_standard_catalogue(w);
    w.picqer().add_fault({FaultKind::http_503, "POST /orders", 2, std::nullopt, kStart});
    place_order(w, "ORD1", {{21, 2}});
    place_order(w, "ORD2", {{12, 1}}, "not_paid");
    w.start_engine();
    w.run_until(kStart + Duration::minutes(20));
    EXPECT_EQ(picqer_references(w), (std::vector<std::string>{"ORD1"})) << (http ? "http" : "direct");
    EXPECT_EQ(w.picqer().product_by_code("MUG")->images.size(), 2u);
  }
}

}  // namespace
}  // namespace lpsync::testing
