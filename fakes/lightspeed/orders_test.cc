// orders, orders/{id}/products, shipments, and their writes.
#include <gtest/gtest.h>

#include "fakes/common/quirks.h"
#include "fakes/lightspeed/enums.h"
#include "fakes/lightspeed/test_support.h"

namespace lpsync::fakes::lightspeed::testing {
namespace {

namespace bj = boost::json;

std::string str(const bj::value& v) { return std::string(v.as_string()); }
std::string order_path(int64_t id, const std::string& rest = "") {
  return "/en/orders/" + std::to_string(id) + rest + ".json";
}

TEST(Orders, ListGetCountAndTheOrderShape) {
  Harness h;
  h.add_shirt();
  int64_t a = h.add_order({line(11, 2)}, "paid");
  int64_t b = h.add_order({line(12, 1)});
  bj::value list = body_of(h.get("/en/orders.json"));
  ASSERT_EQ(list.at("orders").as_array().size(), 2u);
  EXPECT_EQ(list.at("orders").at(0).at("id").as_int64(), a);
  EXPECT_EQ(list.at("orders").at(1).at("id").as_int64(), b);
  EXPECT_EQ(body_of(h.get("/en/orders/count.json")).at("count").as_int64(), 2);

  const bj::value o = body_of(h.get(order_path(a))).at("order");
  EXPECT_TRUE(o.at("number").is_string()) << "number is a string";
  EXPECT_EQ(str(o.at("number")), "ORD00001");
  EXPECT_EQ(str(o.at("status")), "processing_awaiting_shipment");
  EXPECT_EQ(str(o.at("paymentStatus")), "paid");
  EXPECT_EQ(str(o.at("shipmentStatus")), "not_shipped");
  EXPECT_EQ(o.at("shipmentIsCashOnDelivery"), bj::value(false));
  EXPECT_EQ(o.at("paymentIsPost"), bj::value(false));
  EXPECT_EQ(str(o.at("createdAt")), "2026-11-02T08:00:00+00:00");
  EXPECT_EQ(str(o.at("email")), "ann@example.com");
  EXPECT_EQ(str(o.at("addressShippingCity")), "Amsterdam");
  EXPECT_EQ(str(o.at("addressShippingCountry").at("code")), "nl");
  EXPECT_EQ(str(o.at("addressBillingCountry").at("code3")), "nld");
  EXPECT_EQ(o.at("addressShippingCompany"), bj::value(false));
  EXPECT_EQ(o.at("priceIncl").as_double(), 24.2);
  EXPECT_EQ(str(o.at("language").at("code")), "en");
  EXPECT_FALSE(o.as_object().contains("isPaid"));
  EXPECT_EQ(str(o.at("products").at("resource").at("link")), "http://lightspeed.test/en/orders/1/products.json");
  EXPECT_EQ(body_of(h.get("/en/orders.json?number=ORD00002")).at("orders").at(0).at("id").as_int64(), b);
  // Import by hand (sync-rules section 2) asks by number: exact, and an unknown one lists none.
  EXPECT_EQ(body_of(h.get("/en/orders.json?number=ORD00002")).at("orders").as_array().size(), 1u);
  EXPECT_TRUE(body_of(h.get("/en/orders.json?number=ORD0000")).at("orders").as_array().empty());
  EXPECT_TRUE(body_of(h.get("/en/orders.json?number=NOPE")).at("orders").as_array().empty());
}

TEST(OrderProducts, FractionalNumbersQuirkServesDecimalWeightsAndPricesAsText) {
  LightspeedConfig config;
  config.quirks.turn_on(std::string(kLightspeedFractionalNumbers));
  Harness h(config);
  h.add_shirt();
  int64_t id = h.add_order({line(11, 2)});
  const bj::value l = body_of(h.get(order_path(id, "/products"))).at("orderProducts").at(0);
  EXPECT_EQ(l.at("weight").as_double(), 200.25);
  EXPECT_EQ(str(l.at("basePriceExcl")), "10.0000");
  EXPECT_EQ(str(l.at("priceIncl")), "24.2000");
  const bj::value v = body_of(h.get("/en/variants/11.json")).at("variant");
  EXPECT_EQ(v.at("weight").as_double(), 200.25);
  // Without the quirk: whole grams as integers, prices as numbers.
  Harness plain;
  plain.add_shirt();
  EXPECT_EQ(body_of(plain.get("/en/variants/11.json")).at("variant").at("weight").as_int64(), 200);
}

TEST(OrderProducts, CopyCodesFromTheVariantAtTheMomentOfTheOrder) {
  Harness h;
  h.add_shirt();
  OrderLineSpec loose;
  loose.quantity = 3;
  loose.price_incl = 5.0;
  loose.title = "Gift wrap";
  int64_t id = h.add_order({line(11, 2), loose});
  VariantPatch renamed;
  renamed.sku = "LATER";
  h.fake.update_variant(11, renamed);

  bj::value list = body_of(h.get(order_path(id, "/products")));
  const bj::array& lines = list.at("orderProducts").as_array();
  ASSERT_EQ(lines.size(), 2u);
  const bj::value& first = lines[0];
  EXPECT_EQ(first.at("variant").at("resource").at("id").as_int64(), 11);
  EXPECT_EQ(str(first.at("variant").at("resource").at("url")), "variants/11");
  EXPECT_EQ(str(first.at("sku")), "SKU-11") << "copied when ordered, not read live";
  EXPECT_EQ(str(first.at("ean")), "8712345678901");
  EXPECT_EQ(str(first.at("articleCode")), "ART-11");
  EXPECT_EQ(str(first.at("productTitle")), "Shirt");
  EXPECT_EQ(str(first.at("variantTitle")), "M");
  EXPECT_EQ(first.at("quantityOrdered").as_int64(), 2);
  EXPECT_EQ(first.at("basePriceIncl").as_double(), 12.1);
  EXPECT_EQ(first.at("priceIncl").as_double(), 24.2);
  EXPECT_EQ(first.at("basePriceExcl").as_double(), 10.0);
  const bj::value& second = lines[1];
  EXPECT_EQ(second.at("variant"), bj::value(false));
  EXPECT_EQ(second.at("product"), bj::value(false));
  EXPECT_EQ(str(second.at("sku")), "");
  EXPECT_EQ(str(second.at("productTitle")), "Gift wrap");
  EXPECT_EQ(second.at("priceIncl").as_double(), 15.0);
  EXPECT_EQ(body_of(h.get(order_path(id, "/products/count"))).at("count").as_int64(), 2);
  int64_t line_id = first.at("id").as_int64();
  EXPECT_EQ(body_of(h.get(order_path(id, "/products/" + std::to_string(line_id)))).at("orderProduct").at("id"),
            bj::value(line_id));
}

TEST(OrderPut, WritesStatusesAndMovesUpdatedAt) {
  Harness h;
  h.add_shirt();
  int64_t id = h.add_order({line(11, 1)});
  h.clock.advance(Duration::minutes(10));
  Response r = h.put(order_path(id), R"({"order":{"paymentStatus":"paid","memo":"checked"}})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(str(body_of(r).at("order").at("paymentStatus")), "paid");
  EXPECT_EQ(h.fake.order(id)->updated_at, kStart + Duration::minutes(10));
  EXPECT_EQ(h.fake.order(id)->memo, "checked");

  r = h.put(order_path(id), R"({"order":{"shipmentStatus":"shipped"}})");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(h.fake.order(id)->shipment_status, "shipped");
  EXPECT_EQ(h.fake.order(id)->status, "completed_shipped");
  EXPECT_EQ(h.fake.shipment_of_order(id)->status, "shipped") << "the order's shipment follows";

  EXPECT_EQ(h.put(order_path(id), R"({"order":{"status":"cancelled"}})").status, 200);
  EXPECT_EQ(h.fake.order(id)->status, "cancelled");
}

TEST(OrderPut, RefusesReadOnlyFieldsBadEnumsAndTypes) {
  Harness h;
  h.add_shirt();
  int64_t id = h.add_order({line(11, 1)});
  for (std::string body : {R"({"order":{"number":"X1"}})", R"({"order":{"id":5}})",
                           R"({"order":{"priceIncl":1}})", R"({"order":{"status":"new"}})",
                           R"({"order":{"paymentStatus":"yes"}})", R"({"order":{"shipmentStatus":"gone"}})",
                           R"({"order":{"paymentStatus":true}})", R"({"order":{"isPaid":true}})"}) {
    Response r = h.put(order_path(id), body);
    EXPECT_EQ(r.status, 422) << body;
    EXPECT_EQ(envelope_of(r).code, 422) << body;
  }
  EXPECT_EQ(h.put(order_path(id), "{").status, 400);
  EXPECT_EQ(h.fake.order(id)->number, "ORD00001");
  EXPECT_EQ(h.fake.order(id)->status, "processing_awaiting_shipment");
  EXPECT_EQ(h.fake.order(id)->updated_at, kStart);
}

TEST(OrderPut, StatusIsReadOnlyWhenConfiguredSo) {
  LightspeedConfig c;
  c.order_status_writable = false;
  Harness h(c);
  h.add_shirt();
  int64_t id = h.add_order({line(11, 1)});
  Response r = h.put(order_path(id), R"({"order":{"status":"cancelled"}})");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(envelope_of(r).message.find("read-only"), std::string::npos);
  EXPECT_EQ(h.put(order_path(id), R"({"order":{"shipmentStatus":"shipped"}})").status, 200);
}

TEST(Enums, EveryDocumentedOrderStatusIsAcceptedAndShown) {
  Harness h;
  h.add_shirt();
  int64_t id = h.add_order({line(11, 1)});
  for (std::string_view status : kOrderStatuses) {
    h.clock.advance(Duration::seconds(1));  // stay under 20 requests per second
    std::string body = R"({"order":{"status":")" + std::string(status) + R"("}})";
    ASSERT_EQ(h.put(order_path(id), body).status, 200) << status;
    EXPECT_EQ(str(body_of(h.get(order_path(id))).at("order").at("status")), status);
  }
  for (std::string_view payment : kPaymentStatuses) {
    h.clock.advance(Duration::seconds(1));
    std::string body = R"({"order":{"paymentStatus":")" + std::string(payment) + R"("}})";
    EXPECT_EQ(h.put(order_path(id), body).status, 200) << payment;
  }
}

TEST(Shipments, ListByOrderGetAndCount) {
  Harness h;
  h.add_shirt();
  int64_t a = h.add_order({line(11, 1)});
  int64_t b = h.add_order({line(12, 1)});
  EXPECT_EQ(body_of(h.get("/en/shipments/count.json")).at("count").as_int64(), 2);
  bj::value of_b = body_of(h.get("/en/shipments.json?order=" + std::to_string(b)));
  ASSERT_EQ(of_b.at("shipments").as_array().size(), 1u);
  const bj::value& s = of_b.at("shipments").at(0);
  EXPECT_EQ(s.at("order").at("resource").at("id").as_int64(), b);
  EXPECT_EQ(str(s.at("status")), "not_shipped");
  EXPECT_EQ(str(s.at("number")), "SHIP00002");
  EXPECT_EQ(str(s.at("trackingCode")), "");
  EXPECT_EQ(s.at("doNotifyShipped"), bj::value(false));
  int64_t sid = h.fake.shipment_of_order(a)->id;
  EXPECT_EQ(body_of(h.get("/en/shipments/" + std::to_string(sid) + ".json")).at("shipment").at("id").as_int64(), sid);
  EXPECT_EQ(body_of(h.get("/en/shipments/count.json?order=" + std::to_string(a))).at("count").as_int64(), 1);
}

TEST(ShipmentPut, MarkingShippedShipsTheOrder) {
  Harness h;
  h.add_shirt();
  int64_t id = h.add_order({line(11, 2)}, "paid");
  int64_t sid = h.fake.shipment_of_order(id)->id;
  h.clock.advance(Duration::hours(2));
  Response r = h.put("/en/shipments/" + std::to_string(sid) + ".json",
                     R"({"shipment":{"status":"shipped","trackingCode":"3SABC123","doNotifyShipped":true,)"
                     R"("doNotifyTrackingCode":true}})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(str(body_of(r).at("shipment").at("trackingCode")), "3SABC123");
  const Shipment* s = h.fake.shipment(sid);
  EXPECT_EQ(s->status, "shipped");
  EXPECT_TRUE(s->do_notify_shipped);
  EXPECT_TRUE(s->do_notify_tracking_code);
  const Order* o = h.fake.order(id);
  EXPECT_EQ(o->shipment_status, "shipped");
  EXPECT_EQ(o->status, "completed_shipped");
  EXPECT_EQ(o->updated_at, kStart + Duration::hours(2));
  EXPECT_EQ(body_of(h.get(order_path(id, "/products"))).at("orderProducts").at(0).at("quantityShipped").as_int64(), 2);
}

TEST(ShipmentPut, TrackingCodeAloneLeavesTheOrderAndBadInputIsRefused) {
  Harness h;
  h.add_shirt();
  int64_t id = h.add_order({line(11, 1)});
  int64_t sid = h.fake.shipment_of_order(id)->id;
  std::string path = "/en/shipments/" + std::to_string(sid) + ".json";
  h.clock.advance(Duration::minutes(1));
  EXPECT_EQ(h.put(path, R"({"shipment":{"trackingCode":"T1"}})").status, 200);
  EXPECT_EQ(h.fake.order(id)->updated_at, kStart);
  EXPECT_EQ(h.fake.order(id)->shipment_status, "not_shipped");
  EXPECT_EQ(h.put(path, R"({"shipment":{"status":"sent"}})").status, 422);
  EXPECT_EQ(h.put(path, R"({"shipment":{"number":"S9"}})").status, 422);
  EXPECT_EQ(h.put(path, R"({"shipment":{"doNotifyShipped":"yes"}})").status, 422);
  EXPECT_EQ(h.put(path, R"({"shipment":{"trackingUrl":"http://x"}})").status, 422);
  EXPECT_EQ(h.put(path, R"({"order":{"status":"shipped"}})").status, 400);
  EXPECT_EQ(h.fake.shipment(sid)->status, "not_shipped");
}

TEST(Orders, TheTemporary404QuirkAnswersEachOrderAndItsLinesWith404OnceThenTheRealAnswer) {
  LightspeedConfig c;
  c.quirks.turn_on(std::string(kLightspeedTemporary404));
  Harness h(c);
  h.add_shirt();
  int64_t a = h.add_order({line(11, 2)}, "paid");
  int64_t b = h.add_order({line(12, 1)});
  EXPECT_EQ(h.get(order_path(a, "/products")).status, 404);
  EXPECT_EQ(h.get(order_path(a, "/products")).status, 200) << "only once";
  EXPECT_EQ(body_of(h.get(order_path(a, "/products"))).at("orderProducts").as_array().size(), 1u);
  EXPECT_EQ(h.get(order_path(a)).status, 404) << "the order itself is missed once on its own";
  EXPECT_EQ(body_of(h.get(order_path(a))).at("order").at("id").as_int64(), a);
  EXPECT_EQ(h.get(order_path(b)).status, 404) << "each order once";
  EXPECT_EQ(h.get(order_path(b)).status, 200);
  EXPECT_EQ(h.get("/en/orders.json").status, 200) << "the listing is never missed";
  EXPECT_EQ(h.get("/en/variants/11.json").status, 200) << "other resources are never missed";
}

TEST(Orders, WithoutTheTemporary404QuirkTheFirstGetAnswers) {
  Harness h;
  h.add_shirt();
  int64_t a = h.add_order({line(11, 2)}, "paid");
  EXPECT_EQ(h.get(order_path(a, "/products")).status, 200);
  EXPECT_EQ(h.get(order_path(a)).status, 200);
}

}  // namespace
}  // namespace lpsync::fakes::lightspeed::testing
