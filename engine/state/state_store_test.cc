// Contract tests of the state store, written against the interface so the SQLite store can
// run the same ones.
#include "engine/state/state_store.h"

#include <gtest/gtest.h>

namespace lpsync {
namespace {

const Instant kT = Instant::from_unix_seconds(1'800'000'000);

TEST(MemoryStateStore, OrderLinksAreOnePerLightspeedOrder) {
  MemoryStateStore s;
  EXPECT_FALSE(s.order_link(1));
  s.put_order_link({1, "ORD1", 100, false, kT});
  s.put_order_link({1, "ORD1", 100, true, kT});  // updating the same link is fine
  EXPECT_TRUE(s.order_link(1)->processed);
  EXPECT_THROW(s.put_order_link({1, "ORD1", 101, true, kT}), std::logic_error);
  EXPECT_EQ(s.order_links().size(), 1u);
}

TEST(MemoryStateStore, ProductLinksByVariantAndByCode) {
  MemoryStateStore s;
  s.put_product_link({11, "A", 500, true});
  EXPECT_EQ(s.product_link(11)->idproduct, 500);
  EXPECT_EQ(s.product_link_by_code("A")->variant_id, 11);
  EXPECT_THROW(s.put_product_link({12, "A", 501, false}), std::logic_error);
  // A variant whose SKU changed gets a new link; the old code is free again.
  s.put_product_link({11, "B", 502, false});
  EXPECT_FALSE(s.product_link_by_code("A"));
  s.remove_product_link(11);
  EXPECT_FALSE(s.product_link(11));
  EXPECT_TRUE(s.product_links().empty());
}

TEST(MemoryStateStore, IntentsUntilTheirResultIsStored) {
  MemoryStateStore s;
  s.begin_intent({IntentKind::create_order, "ORD1", kT});
  s.begin_intent({IntentKind::create_product, "ORD1", kT});
  EXPECT_EQ(s.intents().size(), 2u);
  s.end_intent(IntentKind::create_order, "ORD1");
  ASSERT_EQ(s.intents().size(), 1u);
  EXPECT_EQ(s.intents()[0].kind, IntentKind::create_product);
}

TEST(MemoryStateStore, HeldStockShipmentsBulkAndValues) {
  MemoryStateStore s;
  s.put_held({{1, "ORD1", HeldReason::not_paid, kT}});
  EXPECT_EQ(s.held().size(), 1u);
  s.put_held({});
  EXPECT_TRUE(s.held().empty());
  EXPECT_FALSE(s.shop_stock(11));
  s.put_shop_stock(11, 4);
  EXPECT_EQ(s.shop_stock(11), 4);
  s.put_shipment_push({9, 1, 77, "3S123", true, kT});
  EXPECT_EQ(s.shipment_push(9)->ls_shipment_id, 77);
  BulkImport b;
  b.running = true;
  b.total = 10;
  s.put_bulk_import(b);
  EXPECT_EQ(s.bulk_import(), b);
  s.put_value("cursor", "x");
  EXPECT_EQ(s.value("cursor"), "x");
  EXPECT_FALSE(s.value("other"));
}

}  // namespace
}  // namespace lpsync
