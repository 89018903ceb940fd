#include "tools/bench/minimum.h"

#include <gtest/gtest.h>

namespace lpsync::bench {
namespace {

TEST(MinimumRequests, OrdersCountWhatEachOrderNeedsAndOneListPerPoll) {
  DayWork w;
  w.polls_due = 288;
  w.order_lists = 300;  // more lists than polls due: only the due ones are needed
  w.orders_imported = 100;
  EXPECT_EQ(minimum_requests(w).orders, 288 + 4 * 100);
}

TEST(MinimumRequests, APollTheEngineDidNotMakeIsNotCounted) {
  DayWork w;
  w.polls_due = 288;
  w.order_lists = 200;
  w.shipment_lists = 150;
  w.shipments_pushed = 10;
  MinimumRequests m = minimum_requests(w);
  EXPECT_EQ(m.orders, 200);
  EXPECT_EQ(m.shipments, 150 + 40);
}

TEST(MinimumRequests, StockIsAReadAndAWritePerPushAndTheReconciliations) {
  DayWork w;
  w.stock_pushes = 50;
  w.reconciliations = 24;
  w.reconciliations_made = 24;
  w.reconciliation_pages = 3;
  EXPECT_EQ(minimum_requests(w).stock, 100 + 72);
  // Reconciliations the budget did not allow are no requests the engine had to make.
  w.reconciliations_made = 8;
  EXPECT_EQ(minimum_requests(w).stock, 100 + 24);
}

TEST(MinimumRequests, TheTypesOfPushedProductsByTheFewerOfLookupsAndAListingPerDay) {
  DayWork w;
  w.days = 2;
  w.products_pushed = 2500;
  w.product_list_pages = 50;
  EXPECT_EQ(minimum_requests(w).stock, 2 * 50);
  w.products_pushed = 3;
  EXPECT_EQ(minimum_requests(w).stock, 2 * 3);
}

TEST(MinimumRequests, NeverAboveWhatAnEngineThatDidTheWorkSent) {
  // An engine doing exactly the unavoidable requests, and no poll it was not asked for.
  DayWork w{288, 288, 288, 1000, 400, 24, 24, 45, 900, 1, 300, 50};
  int64_t sent_orders = 288 + 4 * 1000;
  int64_t sent_stock = 2 * 400 + 24 * 45 + 50;
  int64_t sent_shipments = 288 + 4 * 900;
  MinimumRequests m = minimum_requests(w);
  EXPECT_LE(m.orders, sent_orders);
  EXPECT_LE(m.stock, sent_stock);
  EXPECT_LE(m.shipments, sent_shipments);
}

}  // namespace
}  // namespace lpsync::bench
