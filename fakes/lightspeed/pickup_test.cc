// Issue 17 order fields: the customer's comment, the shipping method, pickup orders, their
// statuses and what a ready-for-pickup shipment write does (choices in README.md).
#include <gtest/gtest.h>

#include "fakes/lightspeed/test_support.h"

namespace lpsync::fakes::lightspeed::testing {
namespace {

namespace bj = boost::json;

std::string str(const bj::value& v) { return std::string(v.as_string()); }

bj::value order_json(Harness& h, int64_t id) {
  return body_of(h.get("/en/orders/" + std::to_string(id) + ".json")).at("order");
}

int64_t place(Harness& h, OrderSpec o) {
  o.email = "ann@example.com";
  o.lines = {line(11, 1)};
  return h.fake.place_order(o);
}

int64_t pickup_order(Harness& h, const std::string& payment_status = "paid") {
  OrderSpec o;
  o.shipment_is_pickup = true;
  o.payment_status = payment_status;
  return place(h, o);
}

Response put_shipment(Harness& h, int64_t id, const std::string& fields) {
  return h.put("/en/shipments/" + std::to_string(id) + ".json", "{\"shipment\":{" + fields + "}}");
}

TEST(OrderFields, CommentAndShippingMethodAreServed) {
  Harness h;
  h.add_shirt();
  OrderSpec o;
  o.comment = "Please ring twice";
  o.shipment_method_id = 1042;
  o.shipment_value_id = 7;
  o.shipment_title = "PostNL evening";
  const bj::value got = order_json(h, place(h, o));
  EXPECT_EQ(str(got.at("comment")), "Please ring twice");
  EXPECT_EQ(str(got.at("shipmentId")), "core|1042|7");
  EXPECT_EQ(str(got.at("shipmentTitle")), "PostNL evening");
  EXPECT_EQ(str(got.at("shipmentData").at("method")), "core");
  EXPECT_EQ(got.at("shipmentData").at("shipment_id").as_int64(), 1042);
  EXPECT_EQ(got.at("shipmentData").at("shipping_value_id").as_int64(), 7);
  EXPECT_EQ(got.at("shipmentIsPickup"), bj::value(false));
  EXPECT_EQ(str(got.at("status")), "processing_awaiting_shipment");

  const bj::value plain = order_json(h, h.add_order({line(11, 1)}));
  EXPECT_EQ(str(plain.at("comment")), "");
  EXPECT_EQ(str(plain.at("shipmentId")), "core|1|1");
  EXPECT_EQ(str(plain.at("shipmentTitle")), "Standard shipping");
}

TEST(OrderFields, AnInvalidShippingMethodIsRefused) {
  Harness h;
  h.add_shirt();
  OrderSpec o;
  o.shipment_method_id = 0;
  EXPECT_THROW(place(h, o), ShopActionError);
  EXPECT_TRUE(h.fake.shop().orders().empty());
}

TEST(Pickup, APickupOrderAwaitsPickupAndSaysSo) {
  Harness h;
  h.add_shirt();
  const bj::value got = order_json(h, pickup_order(h));
  EXPECT_EQ(got.at("shipmentIsPickup"), bj::value(true));
  EXPECT_EQ(str(got.at("status")), "processing_awaiting_pickup");
  EXPECT_EQ(str(got.at("shipmentTitle")), "Pick up in store");
  EXPECT_EQ(str(got.at("shipmentStatus")), "not_shipped");
}

TEST(Pickup, BecomingPaidMovesAnUnpaidPickupOrderToAwaitingPickup) {
  Harness h;
  h.add_shirt();
  OrderSpec o;
  o.shipment_is_pickup = true;
  o.status = "processing_awaiting_payment";
  int64_t id = place(h, o);
  OrderPatch paid;
  paid.payment_status = "paid";
  h.fake.update_order(id, paid);
  EXPECT_EQ(str(order_json(h, id).at("status")), "processing_awaiting_pickup");
}

TEST(Pickup, ReadyForPickupWriteNotifiesTheCustomerAndShipsNothing) {
  Harness h;
  h.add_shirt();
  int64_t id = pickup_order(h);
  int64_t ship = h.fake.shipment_of_order(id)->id;
  h.clock.advance(Duration::seconds(60));
  Response r = put_shipment(h, ship, "\"doNotifyReadyForPickup\":true");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body_of(r).at("shipment").at("doNotifyReadyForPickup"), bj::value(true));
  const bj::value o = order_json(h, id);
  EXPECT_EQ(str(o.at("status")), "processing_ready_for_pickup");
  EXPECT_EQ(str(o.at("shipmentStatus")), "not_shipped");
  EXPECT_EQ(str(o.at("updatedAt")), "2026-11-02T08:01:00+00:00");
  const Shipment* s = h.fake.shipment_of_order(id);
  EXPECT_EQ(s->status, "not_shipped");
  EXPECT_EQ(s->tracking_code, "");
  const auto& notices = h.fake.shop().notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].kind, "ready_for_pickup");
  EXPECT_EQ(notices[0].order_id, id);
  EXPECT_EQ(notices[0].tracking_code, "");

  ASSERT_EQ(put_shipment(h, ship, "\"doNotifyReadyForPickup\":true").status, 200);
  EXPECT_EQ(h.fake.shop().notices().size(), 1u) << "the customer is told once";
}

TEST(Pickup, ReadyForPickupFiresOrderAndShipmentWebhooks) {
  Harness h;
  h.add_shirt();
  int64_t id = pickup_order(h);
  h.add_webhook("orders", "updated");
  h.add_webhook("shipments", "updated");
  h.clock.advance(Duration::seconds(5));
  h.hooks.requests.clear();
  ASSERT_EQ(put_shipment(h, h.fake.shipment_of_order(id)->id, "\"doNotifyReadyForPickup\":true").status, 200);
  h.clock.advance(Duration::seconds(5));
  ASSERT_EQ(h.hooks.requests.size(), 2u);
  EXPECT_EQ(h.hooks.requests[0].headers.get("X-Event"), "shipments/updated");
  EXPECT_EQ(h.hooks.requests[1].headers.get("X-Event"), "orders/updated");
}

TEST(Pickup, ReadyForPickupOnAnOrderThatIsSentOnlyKeepsTheFlag) {
  Harness h;
  h.add_shirt();
  int64_t id = h.add_order({line(11, 1)}, "paid");
  ASSERT_EQ(put_shipment(h, h.fake.shipment_of_order(id)->id, "\"doNotifyReadyForPickup\":true").status, 200);
  EXPECT_EQ(str(order_json(h, id).at("status")), "processing_awaiting_shipment");
  EXPECT_TRUE(h.fake.shipment_of_order(id)->do_notify_ready_for_pickup);
  EXPECT_TRUE(h.fake.shop().notices().empty());
}

TEST(Pickup, ShippingAPickupOrderSendsTheShippedMailWithItsCode) {
  // The wrong e-mail the engine must avoid (sync-rules section 5) is visible in notices().
  Harness h;
  h.add_shirt();
  int64_t id = pickup_order(h);
  ASSERT_EQ(put_shipment(h, h.fake.shipment_of_order(id)->id,
                         "\"status\":\"shipped\",\"trackingCode\":\"3S1\",\"doNotifyShipped\":true,"
                         "\"doNotifyTrackingCode\":true")
                .status,
            200);
  EXPECT_EQ(str(order_json(h, id).at("status")), "completed_shipped");
  const auto& notices = h.fake.shop().notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].kind, "shipped");
  EXPECT_EQ(notices[0].tracking_code, "3S1");
}

TEST(Pickup, ShippingWithoutNotifyingSendsNoMail) {
  Harness h;
  h.add_shirt();
  int64_t id = h.add_order({line(11, 1)}, "paid");
  ASSERT_EQ(put_shipment(h, h.fake.shipment_of_order(id)->id, "\"status\":\"shipped\"").status, 200);
  EXPECT_TRUE(h.fake.shop().notices().empty());
}

}  // namespace
}  // namespace lpsync::fakes::lightspeed::testing
