#include "engine/rules/stock_rules.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace lpsync {
namespace {

TEST(StockWarehouses, DefaultIsActiveAndCountingWarehouses) {
  std::vector<pq::Warehouse> w = {{1, "Main", true, true, true},
                                  {2, "Returns", true, false, false},
                                  {3, "Old", false, true, true},
                                  {4, "Store", true, true, false}};
  Settings s;
  EXPECT_EQ(stock_warehouse_ids(s, w), (std::vector<int64_t>{1, 4}));
  s.stock_warehouses = {2, 2};
  EXPECT_EQ(stock_warehouse_ids(s, w), (std::vector<int64_t>{2}));
}

TEST(DesiredStock, FreeStockOverStockWarehousesMinusPending) {
  std::vector<pq::StockRow> rows = {{1, 10, "A", 8, 1, 7}, {2, 10, "A", 5, 0, 5}, {1, 11, "B", 3, 0, 3}};
  EXPECT_EQ(free_stock(rows, 10, {1}), 7);
  EXPECT_EQ(free_stock(rows, 10, {1, 2}), 12);
  EXPECT_EQ(free_stock(rows, 12, {1, 2}), 0);
  EXPECT_EQ(desired_stock(12, 5), 7);
  auto all = free_stock_by_product(rows, {1, 2});
  EXPECT_EQ(all, (std::map<int64_t, int64_t>{{10, 12}, {11, 3}}));
  EXPECT_EQ(free_stock_by_product(rows, {2}), (std::map<int64_t, int64_t>{{10, 5}}));
  EXPECT_EQ(desired_stock(3, 5), 0);
}

TEST(PendingStock, CountsUnimportedOpenOrdersOnly) {
  auto order = [](std::string status, std::string payment, std::string shipment) {
    ls::Order o;
    o.status = status;
    o.payment_status = payment;
    o.shipment_status = shipment;
    return o;
  };
  ls::OrderLine a;
  a.variant_id = 1;
  a.quantity = 2;
  ls::OrderLine b;
  b.variant_id = 2;
  b.quantity = 1;
  ls::OrderLine none;
  none.quantity = 5;
  std::vector<WindowOrder> orders = {
      {order("processing_awaiting_payment", "not_paid", "not_shipped"), {a, b, none}, false},
      {order("processing_awaiting_shipment", "paid", "not_shipped"), {a}, false},   // held or not yet imported
      {order("processing_awaiting_shipment", "paid", "not_shipped"), {a}, true},    // imported: Picqer reserved it
      {order("cancelled", "cancelled", "not_shipped"), {a}, false},
      {order("completed_shipped", "paid", "shipped"), {b}, false},
  };
  auto pending = pending_quantities(orders);
  EXPECT_EQ(pending[1], 4);
  EXPECT_EQ(pending[2], 1);
  EXPECT_EQ(pending.size(), 2u);
}

TEST(BaseStock, ShopCountPlusOpenOrdersNotInPicqer) {
  // The shop had 10, an order for 2 lowered it to 8: Picqer starts at 10 and reserves the 2.
  EXPECT_EQ(base_stock(8, 2), 10);
  EXPECT_EQ(base_stock(-3, 2), 2) << "a negative shop count counts as 0";
  EXPECT_EQ(base_stock(5, 0), 5);
}

TEST(NotCounted, TrackingDisabledOrUnlimited) {
  ls::Variant v;
  v.stock_tracking = "enabled";
  EXPECT_EQ(stock_not_counted(v, false), std::nullopt);
  EXPECT_EQ(stock_not_counted(v, true), NotCounted::unlimited_in_picqer);
  v.stock_tracking = "indicator";
  EXPECT_EQ(stock_not_counted(v, false), std::nullopt) << "an indicator still shows the count";
  v.stock_tracking = "disabled";
  EXPECT_EQ(stock_not_counted(v, false), NotCounted::shop_does_not_track);
  EXPECT_EQ(to_string(NotCounted::shop_does_not_track), "shop_does_not_track");
}

// After the create, Picqer reserves the open orders' quantity: its free stock equals the shop's
// count, so the first push changes nothing in the shop.
TEST(NoticeAsksForPush, OnlyWhenALevelDiffersOrIsNotKnown) {
  EXPECT_FALSE(notice_asks_for_push({}));  // no linked variant: nothing to push
  EXPECT_FALSE(notice_asks_for_push({{5, 5}, {0, 0}}));
  EXPECT_TRUE(notice_asks_for_push({{5, 5}, {3, 4}}));
  EXPECT_TRUE(notice_asks_for_push({{5, std::nullopt}}));
}

TEST(ProductTypes, ReadAtMostADayAgoByTheCheaperWay) {
  Instant t0 = *parse_iso8601("2026-11-02T08:00:00Z");
  // Never read: 5,000 linked products against a listing of 51 pages: list.
  EXPECT_EQ(product_types_read(std::nullopt, t0, 5000, 51), ProductTypes::list);
  // Three linked products: three lookups cost less than a listing of 51 pages.
  EXPECT_EQ(product_types_read(std::nullopt, t0, 3, 51), ProductTypes::forget);
  EXPECT_EQ(product_types_read(std::nullopt, t0, 51, 51), ProductTypes::forget);
  // Read within the day: kept.
  EXPECT_EQ(product_types_read(t0, t0 + Duration::hours(23), 5000, 51), ProductTypes::keep);
  // A day old: read again.
  EXPECT_EQ(product_types_read(t0, t0 + kProductTypesKeptFor, 5000, 51), ProductTypes::list);
  EXPECT_EQ(product_types_read(t0, t0 + kProductTypesKeptFor, 3, 51), ProductTypes::forget);
}

RC_GTEST_PROP(BaseStockProperty, FreeStockAfterReservationsEqualsTheShopCount, (unsigned level, unsigned pending)) {
  int64_t shop = level % 100000, open = pending % 1000;
  int64_t free_after_reserving = base_stock(shop, open) - open;
  RC_ASSERT(desired_stock(free_after_reserving, 0) == shop);
}

RC_GTEST_PROP(DesiredStockProperty, NeverNegativeAndMonotone, (int free, int pending)) {
  int64_t d = desired_stock(free, pending);
  RC_ASSERT(d >= 0);
  RC_ASSERT(d >= static_cast<int64_t>(free) - pending);
  RC_ASSERT(desired_stock(static_cast<int64_t>(free) + 1, pending) >= d);
}

}  // namespace
}  // namespace lpsync
