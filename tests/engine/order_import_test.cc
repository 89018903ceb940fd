// The engine against both fakes: order import (section 2), product linking and creation
// (section 3), read-only and inactive connections.
#include <gtest/gtest.h>

#include "tests/engine/shop_fixture.h"

namespace lpsync::testing {
namespace {

std::string held_reason(sim::World& w, const std::string& number) {
  for (const auto& h : w.engine()->report().held) {
    if (h.number == number) return std::string(to_string(h.reason));
  }
  return "";
}

TEST(OrderImport, PaidOrdersAreImportedOthersHeldWithReasons) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  place_order(w, "ORD1", {{11, 1}, {21, 2}});
  place_order(w, "ORD2", {{12, 1}}, "not_paid");
  place_order(w, "ORD3", {{31, 1}, {11, 1}});
  place_order(w, "ORD4", {{51, 1}});
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));

  EXPECT_EQ(picqer_references(w), (std::vector<std::string>{"ORD1"}));
  EXPECT_EQ(held_reason(w, "ORD2"), "not_paid");
  EXPECT_EQ(held_reason(w, "ORD3"), "duplicate_sku");
  EXPECT_EQ(held_reason(w, "ORD4"), "missing_sku");

  // SHIRT-S existed: linked, its stock left alone. MUG was created with both images and as
  // base stock the shop's count (9 - 2 ordered = 7) plus the order's 2 (section 3): 9.
  auto shirt = w.picqer().product_by_code("SHIRT-S");
  ASSERT_TRUE(shirt);
  EXPECT_EQ(w.picqer().stock("SHIRT-S", 1).stock, 7);
  auto mug = w.picqer().product_by_code("MUG");
  ASSERT_TRUE(mug);
  EXPECT_EQ(mug->name, "Mug");
  EXPECT_EQ(mug->images.size(), 2u);
  EXPECT_EQ(w.picqer().stock("MUG", 1).stock, 9);
  // The order is processed: its lines are reserved.
  auto orders = w.picqer().orders_by_reference("ORD1");
  ASSERT_EQ(orders.size(), 1u);
  EXPECT_EQ(orders[0].status, "processing");
  EXPECT_EQ(w.picqer().stock("MUG", 1).reserved(), 2);
}

TEST(OrderImport, AnOrderPaidLaterIsImportedAtTheNextPoll) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  int64_t id = place_order(w, "ORD1", {{21, 1}}, "not_paid");
  w.start_engine();
  w.run_until(kStart + Duration::hours(2));
  EXPECT_TRUE(picqer_references(w).empty());
  ls_fake::OrderPatch paid;
  paid.payment_status = "paid";
  w.lightspeed().update_order(id, paid);
  w.run_until(kStart + Duration::hours(2) + Duration::minutes(6));
  EXPECT_EQ(picqer_references(w), (std::vector<std::string>{"ORD1"}));
  EXPECT_EQ(held_reason(w, "ORD1"), "");
}

TEST(OrderImport, OrdersOlderThanTwelveHoursAreNeverImported) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  w.run_until(kStart + Duration::hours(1));
  place_order(w, "OLD", {{21, 1}});
  w.run_until(kStart + Duration::hours(13) + Duration::seconds(1));
  place_order(w, "NEW", {{21, 1}});
  w.start_engine();
  w.run_until(kStart + Duration::hours(14));
  EXPECT_EQ(picqer_references(w), (std::vector<std::string>{"NEW"}));
}

TEST(OrderImport, NothingIsWrittenWhileInactiveThenActivationImports) {
  Settings s;  // defaults: not active
  sim::World w(world_config(s));
  add_standard_catalogue(w);
  place_order(w, "ORD1", {{21, 1}});
  w.start_engine();
  w.run_until(kStart + Duration::hours(1));
  EXPECT_EQ(w.lightspeed().journal().writes(), 0u);
  EXPECT_EQ(w.picqer().journal().writes(), 0u);
  EXPECT_TRUE(picqer_references(w).empty());
  w.activate();
  w.run_until(kStart + Duration::hours(1) + Duration::seconds(1));
  EXPECT_EQ(picqer_references(w), (std::vector<std::string>{"ORD1"}));
}

TEST(OrderImport, ImportProductsOffHoldsOrdersWithUnknownProducts) {
  Settings s = active_settings();
  s.import_products = false;
  sim::World w(world_config(s));
  add_standard_catalogue(w);
  place_order(w, "ORD1", {{11, 1}});  // SHIRT-S is in Picqer
  place_order(w, "ORD2", {{21, 1}});  // MUG is not
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));
  EXPECT_EQ(picqer_references(w), (std::vector<std::string>{"ORD1"}));
  EXPECT_EQ(held_reason(w, "ORD2"), "product_not_in_picqer");
  EXPECT_FALSE(w.picqer().product_by_code("MUG"));
}

TEST(OrderImport, ReadOnlySendsOnlyGetsToTheShopButImportsIntoPicqer) {
  Settings s = active_settings();
  s.read_only = true;
  s.send_stock = s.send_shipments = true;
  sim::World w(world_config(s));
  add_standard_catalogue(w);
  place_order(w, "ORD1", {{21, 1}});
  w.start_engine();
  w.run_until(kStart + Duration::hours(3));
  ASSERT_TRUE(w.picqer().ship_order("ORD1", "3SABC", "postnl").ok());
  ASSERT_TRUE(w.picqer().set_stock("MUG", 1, 40).ok());
  w.run_until(kStart + Duration::hours(6));
  EXPECT_EQ(picqer_references(w), (std::vector<std::string>{"ORD1"}));
  EXPECT_EQ(w.lightspeed().journal().writes(), 0u);
  EXPECT_EQ(w.engine()->report().lightspeed.refused_writes, 0);
}

TEST(OrderImport, EachOrderIsImportedOnceAcrossPollsAndWebhooks) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  w.start_engine();
  for (int i = 0; i < 10; ++i) {
    place_order(w, "ORD" + std::to_string(i), {{21, 1}});
    w.run_until(w.clock().now() + Duration::minutes(7));
  }
  w.run_until(kStart + Duration::hours(3));
  EXPECT_EQ(picqer_references(w).size(), 10u);
  EXPECT_EQ(w.picqer().orders().size(), 10u);
}

}  // namespace
}  // namespace lpsync::testing
