// Issue 14, item 12: every listing the engine pages through, and every queue webhooks fill,
// has a cap (engine/core/limits.h). Each test lowers one cap so that a small shop reaches it
// and checks that the engine reports it as a problem and goes on (no hang, nothing unbounded).
#include <gtest/gtest.h>

#include "tests/engine/shop_fixture.h"

namespace lpsync::testing {
namespace {

Core& core(sim::World& w) { return w.engine()->core_for_tests(); }

bool has_problem(sim::World& w, const std::string& key, const std::string& part) {
  const auto& problems = core(w).report.problems;
  auto it = problems.find(key);
  return it != problems.end() && it->second.find(part) != std::string::npos;
}

// `n` products of one variant each, ids from `first`, SKU "V<id>".
void add_products(sim::World& w, int64_t first, int n) {
  for (int64_t id = first; id < first + n; ++id) {
    ls_fake::ProductSpec p;
    p.id = id;
    p.title = "Product " + std::to_string(id);
    p.variants = {{id * 10, "Default", "V" + std::to_string(id), "", "", 1, 1.21, 2, "enabled", 10}};
    w.lightspeed().add_product(p);
  }
}

Settings pushing() {
  Settings s = stock_settings();
  s.send_shipments = true;
  return s;
}

TEST(Limits, TheVariantScanStopsAtThePageCapAndSaysSo) {
  sim::World w(world_config());
  add_products(w, 1000, 260);  // two pages of 250
  w.start_engine();
  core(w).limits.lightspeed_pages = 1;
  w.run_until(kStart + Duration::minutes(1));
  EXPECT_TRUE(has_problem(w, "page_cap:variants", "more than 1 pages of variants"));
  EXPECT_EQ(core(w).catalog.variants().size(), 250u);
  EXPECT_EQ(w.lightspeed().journal().matching("GET /variants").size(), 1u);
}

TEST(Limits, TheRefreshOfChangedVariantsStopsAtThePageCap) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  w.start_engine();
  core(w).limits.lightspeed_pages = 1;
  w.run_until(kStart + Duration::minutes(1));
  ASSERT_TRUE(core(w).catalog.complete());
  add_products(w, 1000, 260);  // changed after the scan: the next poll refreshes them
  place_order(w, "ORD1", {{21, 1}});  // for a decision on the shop's SKUs
  w.run_until(kStart + Duration::minutes(20));
  EXPECT_TRUE(has_problem(w, "page_cap:changed variants", "next full scan"));
}

TEST(Limits, TheOrderListingStopsAtThePageCapAndTheOrdersReadAreDecided) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  place_order(w, "PAID1", {{21, 1}});
  for (int i = 0; i < 260; ++i) place_order(w, "U" + std::to_string(i), {{21, 1}}, "not_paid");
  w.start_engine();
  core(w).limits.lightspeed_pages = 1;
  w.run_until(kStart + Duration::minutes(1));
  EXPECT_TRUE(has_problem(w, "page_cap:orders", "more than 1 pages of orders"));
  EXPECT_EQ(picqer_references(w), (std::vector<std::string>{"PAID1"}));  // on the first page
  EXPECT_GE(core(w).report.order_polls, 1);
}

TEST(Limits, ImportProductsStopsReadingShopProductsAtThePageCap) {
  Settings s = active_settings();
  s.import_products = true;
  sim::World w(world_config(s));
  add_products(w, 1000, 260);
  w.start_engine();
  core(w).limits.lightspeed_pages = 1;
  ASSERT_EQ(w.import_products(), "");
  w.run_until(kStart + Duration::minutes(2));
  EXPECT_TRUE(has_problem(w, "page_cap:products", "one by one"));
}

TEST(Limits, ImportProductsCreatesNothingWhenPicqersProductsPassThePageCap) {
  Settings s = active_settings();
  s.import_products = true;
  sim::World w(world_config(s));
  add_standard_catalogue(w);
  for (int i = 0; i < 100; ++i) {
    pq_fake::ProductSpec p;
    p.productcode = "PQ" + std::to_string(i);
    p.name = "Picqer product " + std::to_string(i);
    ASSERT_TRUE(w.picqer().add_product(p).ok());
  }
  size_t before = w.picqer().products().size();
  w.start_engine();
  core(w).limits.picqer_pages = 1;
  ASSERT_EQ(w.import_products(), "");
  w.run_until(kStart + Duration::minutes(30));
  EXPECT_TRUE(has_problem(w, "bulk", "pages of active products"));
  EXPECT_EQ(w.picqer().products().size(), before);
}

// A cap of 0 pages: any listing passes it (a cheap stand-in for 200 pages of 100).
TEST(Limits, WebhookSetupRegistersNoHookWhenPicqersHooksPassThePageCap) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  w.start_engine();
  core(w).limits.picqer_pages = 0;
  w.run_until(kStart + Duration::minutes(1));
  EXPECT_TRUE(has_problem(w, "page_cap:hooks", "registers none"));
  EXPECT_TRUE(w.picqer().hooks().empty());
}

TEST(Limits, ThePollOfCompletedOrdersStopsAtThePageCap) {
  sim::World w(world_config(pushing()));
  add_standard_catalogue(w);
  place_order(w, "ORD1", {{21, 1}});
  w.start_engine();
  core(w).limits.picqer_pages = 0;
  w.run_until(kStart + Duration::minutes(20));
  ASSERT_EQ(picqer_references(w), (std::vector<std::string>{"ORD1"}));
  EXPECT_TRUE(has_problem(w, "page_cap:completed_orders", "webhook"));
}

TEST(Limits, ShipmentWebhooksPastTheQueueCapAreDroppedAndThePollPushesThem) {
  sim::World w(world_config(pushing()));
  add_standard_catalogue(w);
  int64_t first = place_order(w, "ORD1", {{21, 1}});
  int64_t second = place_order(w, "ORD2", {{21, 1}});
  w.start_engine();
  core(w).limits.queued = 1;
  w.run_until(kStart + Duration::minutes(1));
  ASSERT_EQ(picqer_references(w), (std::vector<std::string>{"ORD1", "ORD2"}));
  ASSERT_TRUE(w.picqer().ship_order("ORD1", "3SONE", "postnl").ok());
  ASSERT_TRUE(w.picqer().ship_order("ORD2", "3STWO", "postnl").ok());
  w.run_until(kStart + Duration::minutes(2));
  EXPECT_TRUE(has_problem(w, "queue_cap:shipments", "queue cap"));
  w.run_until(kStart + Duration::minutes(15));
  EXPECT_EQ(w.lightspeed().shipment_of_order(first)->tracking_code, "3SONE");
  EXPECT_EQ(w.lightspeed().shipment_of_order(second)->tracking_code, "3STWO");
}

TEST(Limits, StockChangesPastTheQueueCapAreDroppedAndReconciled) {
  sim::World w(world_config(pushing()));
  add_standard_catalogue(w);
  pq_fake::ProductSpec mug;
  mug.productcode = "MUG";
  mug.name = "Mug";
  mug.stock = {{1, 3}};
  ASSERT_TRUE(w.picqer().add_product(mug).ok());
  w.start_engine();
  core(w).limits.queued = 1;
  w.run_until(kStart + Duration::minutes(1));
  ASSERT_EQ(w.lightspeed().variant(21)->stock_level, 3);
  ASSERT_TRUE(w.picqer().set_stock("SHIRT-S", 1, 40).ok());
  ASSERT_TRUE(w.picqer().set_stock("MUG", 1, 50).ok());
  w.run_until(kStart + Duration::minutes(3));
  EXPECT_TRUE(has_problem(w, "queue_cap:stock", "reconciles all stock"));
  EXPECT_EQ(w.lightspeed().variant(11)->stock_level, 40);
  EXPECT_EQ(w.lightspeed().variant(21)->stock_level, 50);
}

TEST(Limits, TheWarehouseStockListingStopsAtThePageCapAndNothingIsPushed) {
  sim::World w(world_config(pushing()));
  add_standard_catalogue(w);
  w.start_engine();
  core(w).limits.picqer_pages = 0;
  w.run_until(kStart + Duration::minutes(1));
  EXPECT_TRUE(has_problem(w, "stock_reconciliation", "pages of stock; stopped reading (page cap)"));
  EXPECT_EQ(w.lightspeed().journal().writes("PUT /variants/*"), 0u);
}

TEST(Limits, ThePicklistsOfAnOrderStopAtThePageCapAndNoShipmentIsPushed) {
  sim::World w(world_config(pushing()));
  add_standard_catalogue(w);
  int64_t order = place_order(w, "ORD1", {{21, 1}});
  w.start_engine();
  core(w).picqer.max_pages = 0;
  w.run_until(kStart + Duration::minutes(1));
  ASSERT_TRUE(w.picqer().ship_order("ORD1", "3SXYZ", "postnl").ok());
  w.run_until(kStart + Duration::minutes(15));
  EXPECT_TRUE(has_problem(w, "shipment:ORD1", "pages of picklists; stopped reading (page cap)"));
  EXPECT_EQ(w.lightspeed().shipment_of_order(order)->tracking_code, "");
}

}  // namespace
}  // namespace lpsync::testing
