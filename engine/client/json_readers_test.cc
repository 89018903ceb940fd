// The readers against payloads shaped like the real APIs' (quirks included).
#include <gtest/gtest.h>

#include "engine/client/lightspeed_json.h"
#include "engine/client/picqer_json.h"

namespace lpsync {
namespace {

TEST(LightspeedJson, ReadsAnOrderWithItsQuirks) {
  auto doc = json::parse(R"({"id":123,"number":"ORD00012","createdAt":"2026-11-02T09:00:00+01:00",
    "updatedAt":"2026-11-02T10:30:00+00:00","status":"processing_awaiting_shipment","paymentStatus":"paid",
    "shipmentStatus":"not_shipped","shipmentIsCashOnDelivery":false,"paymentIsPost":false,"email":"a@b.nl",
    "firstname":"Ann","lastname":"V","phone":"","companyName":false,"addressShippingName":"Ann V",
    "addressShippingStreet":"Dam","addressShippingNumber":"1","addressShippingExtension":false,
    "addressShippingZipcode":"1012","addressShippingCity":"Amsterdam",
    "addressShippingCountry":{"id":1,"code":"nl","code3":"nld","title":"Netherlands"}})");
  ls::Order o = ls::read_order(json::Reader(doc));
  EXPECT_EQ(o.id, 123);
  EXPECT_EQ(o.number, "ORD00012");
  EXPECT_EQ(o.created_at, *parse_iso8601("2026-11-02T08:00:00Z"));
  EXPECT_EQ(o.payment_status, "paid");
  EXPECT_EQ(o.company, "");
  EXPECT_EQ(o.shipping.extension, "");
  EXPECT_EQ(o.shipping.country, "nl");
}

TEST(LightspeedJson, ReadsLinesWithAndWithoutVariant) {
  auto doc = json::parse(R"([{"id":1,"quantityOrdered":"2","priceExcl":"8.2645","sku":" A ",
    "variant":{"resource":{"id":11,"url":"variants/11","link":"x"}},"product":{"resource":{"id":5}}},
    {"id":2,"quantityOrdered":1,"variant":false,"product":false}])");
  json::Reader r(doc);
  ls::OrderLine a = ls::read_order_line(r.at(0));
  EXPECT_EQ(a.variant_id, 11);
  EXPECT_EQ(a.product_id, 5);
  EXPECT_EQ(a.quantity, 2);
  EXPECT_DOUBLE_EQ(a.price_excl, 8.2645);
  EXPECT_EQ(a.sku, " A ");
  ls::OrderLine b = ls::read_order_line(r.at(1));
  EXPECT_FALSE(b.variant_id.has_value());
}

TEST(LightspeedJson, LinesKeepTheUnitPriceApartFromTheLineTotal) {
  // basePrice* is per unit, price* the line total (quantity x unit), as the API serves them.
  auto doc = json::parse(R"([{"id":1,"quantityOrdered":3,"basePriceExcl":10,"basePriceIncl":"12.1",
    "priceExcl":30,"priceIncl":36.3,"variant":false},{"id":2,"quantityOrdered":2,"priceExcl":"8.5","variant":false}])");
  json::Reader r(doc);
  ls::OrderLine a = ls::read_order_line(r.at(0));
  EXPECT_EQ(a.base_price_excl, 10.0);
  EXPECT_EQ(a.base_price_incl, 12.1);
  EXPECT_DOUBLE_EQ(a.price_excl, 30);
  EXPECT_DOUBLE_EQ(a.price_incl, 36.3);
  ls::OrderLine b = ls::read_order_line(r.at(1));
  EXPECT_EQ(b.base_price_excl, std::nullopt);  // left out: the rules derive it from the total
  EXPECT_DOUBLE_EQ(b.price_excl, 8.5);
}

TEST(LightspeedJson, APageWithFractionalNumbersParses) {
  // One variant of a page with a decimal weight must not fail the page; unknown fields are ignored.
  auto doc = json::parse(R"({"variants":[
    {"id":1,"sku":"A","weight":0.25,"weightValue":0.25,"stockLevel":"4","priceExcl":"8.2645","newField":{"x":1},
     "stockTracking":"disabled"},
    {"id":2,"sku":"B","weight":"250.6","stockLevel":3.0,"priceExcl":5},
    {"id":3,"sku":"C","weight":false,"stockLevel":"","priceExcl":""}]})");
  std::vector<ls::Variant> page;
  for (const auto& item : json::Reader(doc).field("variants").items()) page.push_back(ls::read_variant(item));
  ASSERT_EQ(page.size(), 3u);
  EXPECT_EQ(page[0].weight, 0);
  EXPECT_EQ(page[0].stock_level, 4);
  EXPECT_DOUBLE_EQ(page[0].price_excl, 8.2645);
  EXPECT_EQ(page[0].stock_tracking, "disabled");  // section 4 "Never pushed" reads it
  EXPECT_EQ(page[1].stock_tracking, "");          // absent: counted (not "disabled")
  EXPECT_EQ(page[1].weight, 251);
  EXPECT_EQ(page[1].stock_level, 3);
  EXPECT_EQ(page[2].weight, 0);
  EXPECT_EQ(page[2].stock_level, 0);
  auto bad = json::parse(R"({"id":4,"weight":"heavy"})");
  EXPECT_THROW(ls::read_variant(json::Reader(bad)), json::Error);
}

TEST(PicqerJson, NumbersAreReadLeniently) {
  auto stock = json::parse(R"({"idwarehouse":1,"idproduct":"7","stock":"22","reserved":1.0,"freestock":"21",
    "unknown":[1,2]})");
  EXPECT_EQ(pq::read_warehouse_stock(json::Reader(stock), 1), (pq::StockRow{1, 7, "", 22, 1, 21}));
  auto order = json::parse(R"({"idorder":5,"status":"processing","products":[{"idproduct":7,"amount":"3",
    "price":"9.95"}]})");
  pq::Order o = pq::read_order(json::Reader(order));
  ASSERT_EQ(o.products.size(), 1u);
  EXPECT_EQ(o.products[0].amount, 3);
  EXPECT_DOUBLE_EQ(o.products[0].price, 9.95);
  auto vat = json::parse(R"({"idvatgroup":2,"name":"Low","percentage":"9.0"})");
  EXPECT_DOUBLE_EQ(pq::read_vatgroup(json::Reader(vat)).percentage, 9.0);
  auto product = json::parse(R"({"idproduct":3,"productcode":1234,"price":"12","weight":0.5})");
  EXPECT_EQ(pq::read_product(json::Reader(product)).productcode, "1234");
  EXPECT_DOUBLE_EQ(pq::read_product(json::Reader(product)).price, 12);
  EXPECT_FALSE(pq::read_product(json::Reader(product)).unlimited);
  for (const char* text : {R"({"idproduct":3,"productcode":"A","unlimitedstock":true})",
                           R"({"idproduct":3,"productcode":"A","unlimitedstock":"1"})",
                           R"({"idproduct":3,"productcode":"A","unlimitedstock":1})",
                           R"({"idproduct":3,"productcode":"A","type":"unlimited_stock","unlimitedstock":false})"}) {
    auto unlimited = json::parse(text);
    EXPECT_TRUE(pq::read_product(json::Reader(unlimited)).unlimited) << text;
  }
  auto limited = json::parse(R"({"idproduct":3,"productcode":"A","type":"normal","unlimitedstock":null})");
  EXPECT_FALSE(pq::read_product(json::Reader(limited)).unlimited);
}

TEST(LightspeedJson, MistypedFieldsNameTheirPath) {
  auto doc = json::parse(R"({"orders":[{"id":"x"}]})");
  try {
    ls::read_order(json::Reader(doc).field("orders").at(0));
    FAIL() << "no error";
  } catch (const json::Error& e) {
    EXPECT_EQ(std::string(e.what()), "$.orders[0].id: expected an integer, got a string");
  }
  auto bad_time = json::parse(R"({"id":1,"number":"1","createdAt":"yesterday"})");
  EXPECT_THROW(ls::read_order(json::Reader(bad_time)), json::Error);
}

TEST(PicqerJson, ShipmentTrackingPrefersParcels) {
  auto doc = json::parse(R"({"idshipment":9,"idpicklist":3,"idorder":2,"trackingcode":"OLD",
    "parcels":[{"tracking_code":"NEW","tracking_url":"https://t/NEW"}],"provider":"PostNL","carrier_key":"postnl",
    "cancelled":false})");
  pq::Shipment s = pq::read_shipment(json::Reader(doc));
  EXPECT_EQ(s.trackingcode, "NEW");
  EXPECT_EQ(s.tracktraceurl, "https://t/NEW");
  EXPECT_EQ(s.carrier, "postnl");
  auto old = json::parse(R"({"idshipment":9,"trackingcode":"OLD","tracktraceurl":"u","provider":"DHL"})");
  pq::Shipment o = pq::read_shipment(json::Reader(old));
  EXPECT_EQ(o.trackingcode, "OLD");
  EXPECT_EQ(o.carrier, "DHL");
  EXPECT_EQ(o.created, std::nullopt);
}

TEST(PicqerJson, ShipmentCreatedAndCancelledAreReadLeniently) {
  auto doc = json::parse(R"({"idshipment":9,"created":"2026-11-02 08:30:00","cancelled":true})");
  pq::Shipment s = pq::read_shipment(json::Reader(doc));
  EXPECT_EQ(s.created, parse_iso8601("2026-11-02T08:30:00Z"));
  EXPECT_TRUE(s.cancelled);
  auto iso = json::parse(R"({"idshipment":9,"created":"2026-11-02T09:30:00+01:00","cancelled":0})");
  pq::Shipment i = pq::read_shipment(json::Reader(iso));
  EXPECT_EQ(i.created, parse_iso8601("2026-11-02T08:30:00Z"));
  EXPECT_FALSE(i.cancelled);
  for (const char* odd : {R"({"idshipment":9,"created":null})", R"({"idshipment":9,"created":"soon"})",
                          R"({"idshipment":9,"created":1767254400})"}) {
    auto d = json::parse(odd);
    EXPECT_EQ(pq::read_shipment(json::Reader(d)).created, std::nullopt) << odd;
  }
}

TEST(PicqerJson, StockRowsAndOrders) {
  auto stock = json::parse(R"({"idwarehouse":1,"stock":22,"reserved":1,"freestock":21})");
  EXPECT_EQ(pq::read_product_stock(json::Reader(stock), 7), (pq::StockRow{1, 7, "", 22, 1, 21}));
  auto order = json::parse(R"({"idorder":5,"orderid":"O2026-1","reference":"ORD1","status":"concept",
    "products":[{"idproduct":7,"productcode":"A","amount":2,"price":9.5}]})");
  pq::Order o = pq::read_order(json::Reader(order));
  EXPECT_EQ(o.reference, "ORD1");
  ASSERT_EQ(o.products.size(), 1u);
  EXPECT_EQ(o.products[0].amount, 2);
}

}  // namespace
}  // namespace lpsync
