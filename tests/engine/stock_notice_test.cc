// Section 4's fast path: what a products.free_stock_changed notice costs. The notice carries
// the product with its stock; when those figures ask for no push, no read follows. Any
// notice that asks for a push is verified by a read, so a stale or reordered notice never
// sets a level.
#include <gtest/gtest.h>

#include "tests/engine/shop_fixture.h"

namespace lpsync::testing {
namespace {

size_t stock_reads(sim::World& w) { return w.picqer().journal().count("GET /products/*/stock"); }

// An imported order: the shop took 2 off when it was placed, Picqer reserves 2 when the
// order comes in and tells so. Nothing changes for the shop, and no read is needed to know it.
TEST(StockNotice, PicqersReservationForAnImportedOrderCostsNoRead) {
  sim::World w(world_config(stock_settings()));
  add_standard_catalogue(w);
  w.start_engine();
  w.run_until(kStart + Duration::minutes(2));
  ASSERT_EQ(shop_stock(w, 11), 7);
  size_t reads = stock_reads(w);
  size_t pushes = w.lightspeed().journal().writes("PUT /variants/*");
  place_order(w, "ORD1", {{11, 2}});
  ASSERT_EQ(shop_stock(w, 11), 5);
  w.run_until(kStart + Duration::minutes(12));
  ASSERT_EQ(picqer_references(w), (std::vector<std::string>{"ORD1"}));
  EXPECT_EQ(w.picqer().stock("SHIRT-S", 1).freestock(), 5) << "Picqer reserved the order's 2";
  EXPECT_EQ(shop_stock(w, 11), 5);
  EXPECT_EQ(stock_reads(w), reads);
  EXPECT_EQ(w.lightspeed().journal().writes("PUT /variants/*"), pushes);
}

// A count in Picqer that changes the shop's level: the notice is verified by a read, then pushed.
TEST(StockNotice, ANoticeThatAsksForAPushIsReadFirst) {
  sim::World w(world_config(stock_settings()));
  add_standard_catalogue(w);
  w.start_engine();
  w.run_until(kStart + Duration::minutes(2));
  size_t reads = stock_reads(w);
  ASSERT_TRUE(w.picqer().set_stock("SHIRT-S", 1, 20).ok());
  w.run_until(kStart + Duration::minutes(3));
  EXPECT_EQ(shop_stock(w, 11), 20);
  EXPECT_EQ(stock_reads(w), reads + 1);
}

// A notice that asks for nothing drops the product's last read free stock, so a later change
// of the pending quantities (an unpaid order) reads it again instead of using a stale figure.
TEST(StockNotice, APendingChangeAfterASkippedNoticeReadsTheFreeStockAgain) {
  sim::World w(world_config(stock_settings()));
  add_standard_catalogue(w);
  w.start_engine();
  w.run_until(kStart + Duration::minutes(2));  // free stock 7 read and pushed
  place_order(w, "ORD1", {{11, 2}});
  w.run_until(kStart + Duration::minutes(12));  // imported; Picqer's free stock 5, notice skipped
  ASSERT_EQ(shop_stock(w, 11), 5);
  place_order(w, "ORD2", {{11, 1}}, "not_paid");  // the shop shows 4, Picqer knows nothing
  ASSERT_EQ(shop_stock(w, 11), 4);
  w.run_until(kStart + Duration::minutes(30));
  EXPECT_EQ(shop_stock(w, 11), 4) << "free 5 less the unpaid order's 1; the 7 read before is stale";
}

}  // namespace
}  // namespace lpsync::testing
