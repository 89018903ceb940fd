// The writer's output: readable layout, offsets from start, exact numbers, and a file that
// reads back equal for every action and expectation kind.
#include <gtest/gtest.h>

#include "tools/scenario/scenario_writer.h"
#include "tools/scenario/test_support.h"

namespace lpsync::scenario {
namespace {

using testing::kStart;

TEST(Writer, ASmallScenarioIsWrittenOneKeyPerLineWithOffsetsFromStart) {
  Scenario s;
  s.name = "late-payment";
  s.start = kStart;
  s.run_until = kStart + Duration::hours(36);
  s.settings.order_filter = OrderFilter::all;
  LightspeedProduct shirt{1, "Shirt", {}, {LightspeedVariant{11, "", "SH-M", "", "", 16.5, 19.95, 3, "enabled"}}};
  s.lightspeed.products.push_back(shirt);
  LightspeedOrder order;
  order.id = 5;
  order.number = "ORD00005";
  order.created_at = order.updated_at = kStart - Duration::hours(13);
  order.lines.push_back(OrderLine{11, 2, std::nullopt});
  s.lightspeed.orders.push_back(order);
  OrderPatch paid;
  paid.id = 5;
  paid.payment_status = "paid";
  s.timeline.push_back({kStart + Duration::hours(30), UpdateLightspeedOrder{paid}});
  s.timeline.push_back({kStart + Duration::seconds(90), Crash{}});
  s.expect.held = std::vector<HeldOrder>{};
  s.expect.picqer_orders_count = 1;
  EXPECT_EQ(write_scenario(s), R"({
  "format": "lpsync-scenario/1",
  "name": "late-payment",
  "start": "2026-11-02T08:00:00Z",
  "settings": {"order_filter": "all"},
  "lightspeed": {
    "products": [
      {
        "id": 1,
        "title": "Shirt",
        "variants": [
          {"id": 11, "sku": "SH-M", "priceExcl": 16.5, "priceIncl": 19.95, "stockLevel": 3}
        ]
      }
    ],
    "orders": [
      {
        "id": 5,
        "number": "ORD00005",
        "createdAt": "-13h",
        "updatedAt": "-13h",
        "status": "processing_awaiting_shipment",
        "paymentStatus": "not_paid",
        "shipmentStatus": "not_shipped",
        "lines": [{"variant": 11, "quantity": 2}]
      }
    ]
  },
  "timeline": [
    {"at": "+30h", "lightspeed.order.update": {"id": 5, "paymentStatus": "paid"}},
    {"at": "+90s", "engine.crash": {}}
  ],
  "run_until": "+36h",
  "expect": {"picqer.orders_count": 1, "held": []}
}
)");
}

TEST(Writer, TimesFarFromStartAreWrittenAbsoluteAndMillisecondsKept) {
  Scenario s = testing::parse_ok(testing::with({{"lightspeed", R"({"orders": [
      {"id": 1, "createdAt": "1990-01-01T00:00:00Z", "updatedAt": "+1500ms"}]})"}}));
  std::string text = write_scenario(s);
  EXPECT_NE(text.find("\"createdAt\": \"1990-01-01T00:00:00Z\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"updatedAt\": \"+1500ms\""), std::string::npos) << text;
  EXPECT_EQ(testing::parse_ok(text), s);
}

// Every action and every expectation kind, as a person would write them.
constexpr const char* kEverything = R"({
  "format": "lpsync-scenario/1", "name": "everything", "description": "All of it.", "seed": 42,
  "start": "2026-11-02T08:00:00Z",
  "settings": {"active": false, "import_orders": true, "import_products": false, "order_filter": "paid",
               "send_stock": true, "send_shipments": true, "read_only": false, "poll_interval": 120,
               "stock_warehouses": [1, 2]},
  "lightspeed": {
    "products": [{"id": 1, "title": "Shirt", "images": ["a.jpg"], "variants": [{"id": 11, "sku": "SH-M"}, {"id": 12, "sku": ""}]}],
    "orders": [{"id": 5, "number": "ORD5", "createdAt": "-1h", "paymentStatus": "paid",
                "shipmentIsPickup": true, "shipmentMethodId": 1042, "comment": "Ring twice",
                "address": {"name": "Ann", "street": "Main", "number": "1", "zipcode": "1234AB", "city": "Utrecht", "country": "nl"},
                "lines": [{"variant": 11, "quantity": 1, "priceIncl": 19.95}, {"variant": false, "quantity": 1}]}]
  },
  "picqer": {
    "warehouses": [{"idwarehouse": 1, "name": "Main"}, {"idwarehouse": 2, "name": "Store", "accept_orders": false}],
    "products": [{"idproduct": 7, "productcode": "SH-M", "name": "Shirt M", "price": 16.5, "stock": {"1": 4, "2": 1}}],
    "orders": [{"idorder": 3, "reference": "ORD5", "status": "processing", "products": [{"productcode": "SH-M", "amount": 1}]}]
  },
  "timeline": [
    {"at": "+1m", "lightspeed.order.create": {"id": 6, "number": "ORD6", "lines": [{"variant": 11, "quantity": 2}]}},
    {"at": "+2m", "lightspeed.order.update": {"id": 6, "paymentStatus": "paid", "comment": "Leave at the door"}},
    {"at": "+3m", "lightspeed.variant.update": {"id": 12, "sku": "SH-L"}},
    {"at": "+4m", "lightspeed.product.create": {"id": 2, "title": "Mug", "variants": [{"id": 21, "sku": "MUG"}]}},
    {"at": "+5m", "picqer.stock.set": {"productcode": "SH-M", "idwarehouse": 2, "amount": 9}},
    {"at": "+6m", "picqer.product.create": {"productcode": "CAP", "price": 5}},
    {"at": "+7m", "picqer.order.ship": {"reference": "ORD6", "trackingcode": "3S1", "carrier": "postnl"}},
    {"at": "+7m", "picqer.shipment.cancel": {"reference": "ORD6"}},
    {"at": "+7m", "picqer.order.pick": {"reference": "ORD5"}},
    {"at": "+8m", "engine.settings": {"read_only": true}},
    {"at": "+9m", "engine.activate": {}},
    {"at": "+10m", "engine.import_products": {}},
    {"at": "+10m", "engine.import_order": {"number": "ORD5"}},
    {"at": "+11m", "engine.crash": {}},
    {"at": "+12m", "engine.down": {"for": "13h"}},
    {"at": "+13m", "fault": {"target": "lightspeed", "kind": "indeterminate", "count": 2, "match": "PUT /variants/*"}},
    {"at": "+14m", "fault": {"target": "picqer", "kind": "webhook_duplicate", "for": "1h"}}
  ],
  "run_until": "+2d",
  "expect": {
    "picqer.orders": [{"reference": "ORD5"}, {"reference": "ORD6", "products": [{"productcode": "SH-M", "amount": 2}], "status": "completed"}],
    "picqer.orders_count": 2,
    "picqer.products": [{"productcode": "SH-M", "name": "Shirt M", "price": 16.5, "barcode": "", "images": 1, "stock": {"1": 4}}],
    "picqer.products_count": 3,
    "lightspeed.variants": [{"id": 11, "stockLevel": 4}],
    "lightspeed.orders": [{"id": 6, "shipmentStatus": "shipped", "trackingCode": "3S1"},
                          {"id": 5, "status": "processing_ready_for_pickup", "shipmentIsPickup": true, "comment": "Ring twice"}],
    "lightspeed.writes": {"PUT /variants/*": 1},
    "lightspeed.writes_max": 5,
    "picqer.requests_max": {"POST /orders": 2},
    "lightspeed.requests_max": 300,
    "held": [{"order": "ORD5", "reason": "missing_variant"}],
    "needs_person": [{"order": "ORD6", "reason": "cancelled_after_pick"}, {"order": "ORD6", "reason": "on_hold_after_import"}],
    "skipped_variants": [{"variant": 12, "reason": "missing_sku"}]
  }
})";

TEST(Writer, EveryActionAndExpectationReadsBackEqual) {
  Scenario s = testing::parse_ok(kEverything);
  ASSERT_EQ(s.timeline.size(), 17u);
  for (size_t i = 0; i < kActionNames.size(); ++i) EXPECT_EQ(action_name(s.timeline[i].action), kActionNames[i]);
  std::string text = write_scenario(s);
  EXPECT_EQ(testing::parse_ok(text), s) << text;
  EXPECT_EQ(write_scenario(testing::parse_ok(text)), text);
}

TEST(Writer, NumbersAreWrittenInTheirShortestExactForm) {
  Scenario s = testing::parse_ok(testing::with({{"picqer", R"({"products": [{"productcode": "A", "price": 19.95},
      {"productcode": "B", "price": 0.30000000000000004}, {"productcode": "C", "price": 1e-7}]})"}}));
  std::string text = write_scenario(s);
  EXPECT_NE(text.find("\"price\": 19.95}"), std::string::npos) << text;
  EXPECT_NE(text.find("\"price\": 0.30000000000000004}"), std::string::npos) << text;
  EXPECT_EQ(testing::parse_ok(text), s);
}

}  // namespace
}  // namespace lpsync::scenario
