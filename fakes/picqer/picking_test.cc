// The warehouse picks without shipping, cancels a shipment, ships again; shipments carry their
// created time; products with unlimited stock from the simulator.
#include <gtest/gtest.h>

#include "engine/env/json.h"
#include "fakes/picqer/test_harness.h"

namespace lpsync::fakes::picqer {
namespace {

namespace bj = boost::json;
using testing::Harness;

int64_t processed_order(Harness& h, const std::string& reference, int64_t amount) {
  int64_t id = h.create_order(reference, {{"MUG", amount}});
  EXPECT_EQ(h.call("POST", "/orders/" + std::to_string(id) + "/process").status, 200);
  return id;
}

TEST(Picking, ClosesThePicklistWithoutAShipmentAndCompletesTheOrder) {
  Harness h;
  h.create_product("MUG", 10);
  int64_t id = processed_order(h, "LS-1", 3);
  ASSERT_TRUE(h.fake.pick_order("LS-1").ok());
  EXPECT_EQ(h.fake.picklists().at(0).status, "closed");
  EXPECT_TRUE(h.fake.shipments().empty());
  EXPECT_EQ(h.fake.stock("MUG", 1).stock, 7);
  EXPECT_EQ(h.fake.stock("MUG", 1).reservedpicklists, 0);
  EXPECT_EQ(h.fake.order(id)->status, "completed");
  EXPECT_FALSE(h.fake.pick_order("LS-1").ok()) << "nothing left to pick";
  EXPECT_FALSE(h.fake.pick_order("LS-404").ok());

  auto shipped = h.fake.ship_order("LS-1", "3SPICKED");
  ASSERT_TRUE(shipped.ok()) << shipped.error().message;
  ASSERT_EQ(shipped.value().size(), 1u);
  EXPECT_EQ(h.fake.stock("MUG", 1).stock, 7) << "a picked picklist is not picked twice";
  EXPECT_FALSE(h.fake.ship_order("LS-1", "3SAGAIN").ok()) << "nothing left to ship";
}

TEST(ShipmentCancel, CancelsTheLatestShipmentWhichTheApiShowsAndAnnouncesIt) {
  Harness h;
  h.create_product("MUG", 10);
  processed_order(h, "LS-1", 1);
  Instant shipped_at = h.clock.now();
  ASSERT_TRUE(h.fake.ship_order("LS-1", "3SFIRST").ok());
  h.clock.advance(Duration::minutes(2));
  auto cancelled = h.fake.cancel_shipment("LS-1");
  ASSERT_TRUE(cancelled.ok()) << cancelled.error().message;
  EXPECT_TRUE(h.fake.shipments().at(0).cancelled);

  bj::value s = Harness::body(h.call("GET", "/picklists/1/shipments")).at(0);
  EXPECT_EQ(s.at("cancelled"), true);
  EXPECT_EQ(s.at("created"), bj::value(format_sql_datetime(shipped_at)));
  EXPECT_EQ(s.at("updated"), bj::value(format_sql_datetime(h.clock.now())));
  EXPECT_FALSE(h.fake.cancel_shipment("LS-1").ok()) << "no live shipment left";

  auto again = h.fake.ship_order("LS-1", "3SSECOND");
  ASSERT_TRUE(again.ok()) << "the picked picklist ships again once its shipment is cancelled";
  EXPECT_EQ(h.fake.shipments().size(), 2u);
  EXPECT_EQ(h.fake.stock("MUG", 1).stock, 9);
}

TEST(ShipmentCancel, RefusesAnOrderWithoutShipment) {
  Harness h;
  h.create_product("MUG", 10);
  processed_order(h, "LS-1", 1);
  EXPECT_FALSE(h.fake.cancel_shipment("LS-1").ok());
  EXPECT_FALSE(h.fake.cancel_shipment("LS-404").ok());
}

TEST(UnlimitedStock, SimulatorProductsCanHaveUnlimitedStock) {
  Harness h;
  ProductSpec spec;
  spec.productcode = "EBOOK";
  spec.type = "unlimited_stock";
  auto id = h.fake.add_product(spec);
  ASSERT_TRUE(id.ok()) << id.error().message;
  bj::value p = Harness::body(h.call("GET", "/products/" + std::to_string(id.value())));
  EXPECT_EQ(p.at("type"), "unlimited_stock");
  EXPECT_EQ(p.at("unlimitedstock"), true);
}

}  // namespace
}  // namespace lpsync::fakes::picqer
