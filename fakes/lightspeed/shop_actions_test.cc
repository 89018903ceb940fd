// The simulator's shop actions: ids, timestamps, stock on order placement, status rules.
#include <gtest/gtest.h>

#include "fakes/lightspeed/test_support.h"

namespace lpsync::fakes::lightspeed::testing {
namespace {

VariantSpec tracked(int64_t id, const std::string& tracking, int64_t stock) {
  VariantSpec v;
  v.id = id;
  v.sku = "S" + std::to_string(id);
  v.stock_level = stock;
  v.stock_tracking = tracking;
  v.price_incl = 10;
  return v;
}

TEST(PlaceOrder, LowersStockOfTrackedVariantsOnly) {
  Harness h;
  ProductSpec p;
  p.title = "Mixed";
  p.variants = {tracked(1, "enabled", 5), tracked(2, "indicator", 5), tracked(3, "disabled", 5)};
  h.fake.add_product(p);
  h.add_order({line(1, 2), line(2, 3), line(3, 4)});
  EXPECT_EQ(h.fake.variant(1)->stock_level, 3);
  EXPECT_EQ(h.fake.variant(2)->stock_level, 2);
  EXPECT_EQ(h.fake.variant(3)->stock_level, 5) << "disabled tracking: untouched";
  EXPECT_EQ(h.fake.variant(1)->stock_sold, 2);
  h.add_order({line(1, 9)});
  EXPECT_EQ(h.fake.variant(1)->stock_level, -6) << "the fake never refuses a customer's order";
}

TEST(PlaceOrder, UntrackedStockDropsWhenConfiguredAndInitialStateCanKeepStock) {
  LightspeedConfig c;
  c.decrement_untracked_stock = true;
  Harness h(c);
  ProductSpec p;
  p.variants = {tracked(3, "disabled", 5)};
  h.fake.add_product(p);
  h.add_order({line(3, 1)});
  EXPECT_EQ(h.fake.variant(3)->stock_level, 4);
  OrderSpec past;
  past.lines = {line(3, 2)};
  past.lower_stock = false;
  h.fake.place_order(past);
  EXPECT_EQ(h.fake.variant(3)->stock_level, 4);
}

TEST(PlaceOrder, ExplicitIdsNumbersTimestampsAndDefaults) {
  Harness h;
  h.add_shirt();
  OrderSpec o;
  o.id = 500;
  o.number = "WEB-500";
  o.created_at = kStart - Duration::hours(13);
  o.updated_at = kStart - Duration::hours(1);
  o.shipment_is_cash_on_delivery = true;
  o.payment_is_post = true;
  o.lines = {line(11, 1)};
  EXPECT_EQ(h.fake.place_order(o), 500);
  const Order* stored = h.fake.order(500);
  EXPECT_EQ(stored->number, "WEB-500");
  EXPECT_EQ(stored->created_at, kStart - Duration::hours(13));
  EXPECT_EQ(stored->updated_at, kStart - Duration::hours(1));
  EXPECT_EQ(stored->status, "processing_awaiting_shipment");
  EXPECT_EQ(stored->payment_status, "not_paid");
  EXPECT_EQ(stored->shipment_status, "not_shipped");
  EXPECT_EQ(h.fake.shipment_of_order(500)->status, "not_shipped");
  EXPECT_EQ(h.fake.shipment_of_order(500)->created_at, kStart - Duration::hours(13));
  OrderSpec next;
  EXPECT_EQ(h.fake.place_order(next), 501) << "0 means the next free id";
  EXPECT_EQ(h.fake.order(501)->number, "ORD00501");
  EXPECT_EQ(h.fake.order(501)->created_at, kStart);
  EXPECT_THROW(h.fake.place_order(o), ShopActionError) << "id taken";
}

TEST(PlaceOrder, InvalidInputThrows) {
  Harness h;
  h.add_shirt();
  OrderSpec unknown_variant;
  unknown_variant.lines = {line(99, 1)};
  EXPECT_THROW(h.fake.place_order(unknown_variant), ShopActionError);
  OrderSpec bad_status;
  bad_status.status = "sent";
  EXPECT_THROW(h.fake.place_order(bad_status), ShopActionError);
  OrderSpec zero;
  zero.lines = {line(11, 0)};
  EXPECT_THROW(h.fake.place_order(zero), ShopActionError);
  EXPECT_TRUE(h.fake.shop().orders().empty());
  EXPECT_EQ(h.fake.variant(11)->stock_level, 10);
  ProductSpec dup;
  dup.variants = {tracked(11, "enabled", 1)};
  EXPECT_THROW(h.fake.add_product(dup), ShopActionError);
  ProductSpec twice;
  twice.variants = {tracked(40, "enabled", 1), tracked(40, "enabled", 1)};
  EXPECT_THROW(h.fake.add_product(twice), ShopActionError);
  EXPECT_THROW(h.fake.update_variant(99, VariantPatch{}), ShopActionError);
  VariantPatch bad_tracking;
  bad_tracking.stock_tracking = "sometimes";
  EXPECT_THROW(h.fake.update_variant(11, bad_tracking), ShopActionError);
  EXPECT_THROW(h.fake.update_order(99, OrderPatch{}), ShopActionError);
}

TEST(PlaceOrder, TheShopMayHoldAnOlderSeoshopStatus) {
  Harness h;
  h.add_shirt();
  OrderSpec legacy;
  legacy.status = "new";
  legacy.lines = {line(11, 1)};
  int64_t id = h.fake.place_order(legacy);
  EXPECT_EQ(h.fake.order(id)->status, "new");
  OrderPatch offer;
  offer.status = "offer";
  h.fake.update_order(id, offer);
  EXPECT_EQ(h.fake.order(id)->status, "offer");
}

TEST(UpdateOrder, MovesUpdatedAtAndDerivesTheStatusFromPayment) {
  Harness h;
  h.add_shirt();
  OrderSpec o;
  o.status = "processing_awaiting_payment";
  o.lines = {line(11, 1)};
  int64_t id = h.fake.place_order(o);
  h.clock.advance(Duration::minutes(30));
  OrderPatch paid;
  paid.payment_status = "paid";
  h.fake.update_order(id, paid);
  EXPECT_EQ(h.fake.order(id)->status, "processing_awaiting_shipment");
  EXPECT_EQ(h.fake.order(id)->updated_at, kStart + Duration::minutes(30));
  OrderPatch later;
  later.status = "on_hold";
  later.at = kStart + Duration::hours(5);
  h.fake.update_order(id, later);
  EXPECT_EQ(h.fake.order(id)->status, "on_hold");
  EXPECT_EQ(h.fake.order(id)->updated_at, kStart + Duration::hours(5));
}

TEST(UpdateOrder, TheMerchantMayChangeTheLines) {
  Harness h;
  h.add_shirt();
  OrderSpec o;
  o.lines = {line(11, 1)};
  int64_t id = h.fake.place_order(o);
  h.clock.advance(Duration::minutes(10));
  OrderPatch more;
  more.lines = {{line(11, 3)}};
  h.fake.update_order(id, more);
  ASSERT_EQ(h.fake.order(id)->lines.size(), 1u);
  EXPECT_EQ(h.fake.order(id)->lines[0].quantity, 3);
  EXPECT_EQ(h.fake.order(id)->lines[0].variant_id, 11);
  EXPECT_EQ(h.fake.order(id)->updated_at, kStart + Duration::minutes(10));
}

TEST(UpdateVariant, ChangesFieldsAndMovesUpdatedAt) {
  Harness h;
  h.add_shirt();
  h.clock.advance(Duration::seconds(90));
  VariantPatch p;
  p.sku = " SKU-11 ";
  p.ean = "1";
  p.article_code = "a";
  p.title = "Medium";
  p.price_incl = 15.0;
  p.stock_tracking = "disabled";
  h.fake.update_variant(11, p);
  const Variant* v = h.fake.variant(11);
  EXPECT_EQ(v->sku, " SKU-11 ");
  EXPECT_EQ(v->title, "Medium");
  EXPECT_EQ(v->price_incl, 15.0);
  EXPECT_EQ(v->stock_tracking, "disabled");
  EXPECT_EQ(v->updated_at, kStart + Duration::seconds(90));
  EXPECT_EQ(h.fake.product(v->product_id)->variant_ids.size(), 2u);
  int64_t added = h.fake.add_variant(v->product_id, tracked(0, "enabled", 3));
  EXPECT_EQ(added, 13);
  EXPECT_EQ(h.fake.variant(added)->sort_order, 3);
}

TEST(UpdateShipment, AMerchantMarkingTheShipmentShippedShipsTheOrder) {
  Harness h;
  h.add_shirt();
  int64_t id = h.add_order({line(11, 1)}, "paid");
  ShipmentPatch p;
  p.status = "shipped";
  p.tracking_code = "BACKOFFICE-1";
  h.clock.advance(Duration::minutes(1));
  h.fake.update_shipment(h.fake.shipment_of_order(id)->id, p);
  EXPECT_EQ(h.fake.order(id)->shipment_status, "shipped");
  EXPECT_EQ(h.fake.order(id)->status, "completed_shipped");
  EXPECT_EQ(h.fake.order(id)->updated_at, kStart + Duration::minutes(1));
}

}  // namespace
}  // namespace lpsync::fakes::lightspeed::testing
