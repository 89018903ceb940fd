// The warehouse ships: picklists closed, shipments with tracking, stock and reservations
// released, order completed; and the read API of picklists and shipments.
#include <gtest/gtest.h>

#include "engine/env/json.h"
#include "fakes/picqer/test_harness.h"

namespace lpsync::fakes::picqer {
namespace {

namespace bj = boost::json;
using testing::Harness;
using testing::IsError;

int64_t processed_order(Harness& h, const std::string& reference, std::vector<std::pair<std::string, int64_t>> lines) {
  int64_t id = h.create_order(reference, lines);
  EXPECT_EQ(h.call("POST", "/orders/" + std::to_string(id) + "/process").status, 200);
  return id;
}

TEST(Fulfilment, ShippingClosesThePicklistCreatesAShipmentAndCompletesTheOrder) {
  Harness h;
  h.create_product("MUG", 10);
  h.create_product("CUP", 4);
  int64_t id = processed_order(h, "LS-1", {{"MUG", 3}, {"CUP", 1}});
  h.clock.advance(Duration::hours(2));
  auto shipped = h.fake.ship_order("LS-1", "3SABC123", "PostNL");
  ASSERT_TRUE(shipped.ok()) << shipped.error().message;
  ASSERT_EQ(shipped.value().size(), 1u);

  StockLevel mug = h.fake.stock("MUG", 1);
  EXPECT_EQ(mug.stock, 7);
  EXPECT_EQ(mug.reserved(), 0);
  EXPECT_EQ(mug.freestock(), 7) << "free stock was already down since processing";
  EXPECT_EQ(h.fake.stock("CUP", 1).stock, 3);
  EXPECT_EQ(h.fake.order(id)->status, "completed");

  bj::value picklist = Harness::body(h.call("GET", "/picklists/1"));
  EXPECT_EQ(picklist.at("status"), "closed");
  EXPECT_EQ(picklist.at("idorder"), id);
  EXPECT_EQ(picklist.at("reference"), "LS-1");
  EXPECT_EQ(picklist.at("picklistid"), "P2026-00001");
  EXPECT_EQ(picklist.at("totalproducts"), 4);
  EXPECT_EQ(picklist.at("totalpicked"), 4);
  EXPECT_EQ(picklist.at("closed_at"), "2026-11-02 10:00:00");

  bj::value shipments = Harness::body(h.call("GET", "/picklists/1/shipments"));
  ASSERT_EQ(shipments.as_array().size(), 1u);
  const bj::value& s = shipments.at(0);
  EXPECT_EQ(s.at("idshipment"), shipped.value()[0]);
  EXPECT_EQ(s.at("idpicklist"), 1);
  EXPECT_EQ(s.at("idorder"), id);
  EXPECT_EQ(s.at("trackingcode"), "3SABC123");
  EXPECT_EQ(s.at("carrier_key"), "postnl");
  EXPECT_EQ(s.at("provider"), "PostNL");
  EXPECT_EQ(s.at("tracktraceurl"), "http://picqer.test/track/postnl/3SABC123");
  EXPECT_EQ(s.at("cancelled"), false);
  EXPECT_EQ(s.at("created"), "2026-11-02 10:00:00");
  // parcels[] (changelog Dec 2025): one parcel with the same tracking code and URL.
  ASSERT_EQ(s.at("parcels").as_array().size(), 1u);
  EXPECT_EQ(s.at("parcels").at(0).at("tracking_code"), "3SABC123");
  EXPECT_EQ(s.at("parcels").at(0).at("tracking_url"), "http://picqer.test/track/postnl/3SABC123");
  EXPECT_EQ(Harness::body(h.call("GET", "/shipments")).as_array().size(), 1u);
}

TEST(Fulfilment, TheDefaultCarrierIsUsedWhenNoneIsNamed) {
  Harness h(PicqerConfig{.default_carrier = "dhl"});
  h.create_product("MUG", 1);
  processed_order(h, "LS-2", {{"MUG", 1}});
  ASSERT_TRUE(h.fake.ship_order("LS-2", "JVGL0001").ok());
  EXPECT_EQ(h.fake.shipments()[0].carrier_key, "dhl");
  EXPECT_EQ(h.fake.shipments()[0].provider, "DHL");
}

TEST(Fulfilment, AnOrderWithBackordersShipsInParts) {
  Harness h;
  h.create_product("MUG", 2);
  int64_t id = processed_order(h, "LS-3", {{"MUG", 5}});
  ASSERT_TRUE(h.fake.ship_order("LS-3", "PART-1", "postnl").ok());
  EXPECT_EQ(h.fake.order(id)->status, "processing") << "3 still on backorder";
  EXPECT_EQ(h.fake.stock("MUG", 1).stock, 0);
  EXPECT_EQ(h.fake.stock("MUG", 1).freestock(), -3);
  auto again = h.fake.ship_order("LS-3", "PART-2", "postnl");
  ASSERT_FALSE(again.ok()) << "nothing left to pick";
  EXPECT_EQ(again.error().kind.code, kWrongStatus);

  ASSERT_TRUE(h.fake.set_stock("MUG", 1, 10).ok());
  ASSERT_TRUE(h.fake.ship_order("LS-3", "PART-2", "postnl").ok());
  EXPECT_EQ(h.fake.order(id)->status, "completed");
  EXPECT_EQ(h.fake.stock("MUG", 1).stock, 7);
  EXPECT_EQ(h.fake.stock("MUG", 1).freestock(), 7);
  EXPECT_EQ(h.fake.shipments().size(), 2u);
}

TEST(Fulfilment, ShippingNeedsAProcessedOrder) {
  Harness h;
  h.create_product("MUG", 2);
  h.create_order("CONCEPT", {{"MUG", 1}});
  auto r = h.fake.ship_order("CONCEPT", "T", "postnl");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind.code, kWrongStatus);
  auto unknown = h.fake.ship_order("NOPE", "T", "postnl");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind.http_status, 404);
  EXPECT_EQ(h.fake.stock("MUG", 1).stock, 2);
}

TEST(Fulfilment, WithDuplicateReferencesTheOrderWithAnOpenPicklistShips) {
  Harness h;
  h.create_product("MUG", 2);
  h.create_order("DUP", {{"MUG", 1}});
  int64_t second = processed_order(h, "DUP", {{"MUG", 1}});
  auto r = h.fake.ship_order("DUP", "T", "postnl");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(h.fake.shipments()[0].idorder, second);
}

TEST(Fulfilment, PicklistsAreListedAndFiltered) {
  Harness h;
  h.create_product("MUG", 10);
  int64_t a = processed_order(h, "A", {{"MUG", 1}});
  int64_t b = processed_order(h, "B", {{"MUG", 1}});
  ASSERT_TRUE(h.fake.ship_order("A", "T1", "postnl").ok());
  auto ids = [&](const std::string& query) {
    std::vector<int64_t> out;
    bj::value list = Harness::body(h.call("GET", "/picklists" + query));
    for (const auto& p : list.as_array()) out.push_back(p.at("idorder").as_int64());
    return out;
  };
  EXPECT_EQ(ids(""), (std::vector<int64_t>{a, b}));
  EXPECT_EQ(ids("?status=closed"), std::vector<int64_t>{a});
  EXPECT_EQ(ids("?status=new"), std::vector<int64_t>{b});
  EXPECT_EQ(ids("?idorder=" + std::to_string(b)), std::vector<int64_t>{b});
  EXPECT_EQ(ids("?picklistid=P2026-00002"), std::vector<int64_t>{b});
  EXPECT_TRUE(Harness::body(h.call("GET", "/picklists/2/shipments")).as_array().empty());
  EXPECT_TRUE(IsError(h.call("GET", "/picklists/3"), 404, 20));
  EXPECT_TRUE(IsError(h.call("GET", "/picklists/3/shipments"), 404, 20));
  EXPECT_TRUE(IsError(h.call("POST", "/picklists/1/close"), 404, 8));
}

}  // namespace
}  // namespace lpsync::fakes::picqer
