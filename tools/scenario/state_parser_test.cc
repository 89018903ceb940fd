// The top level, settings and the initial state of both systems.
#include <gtest/gtest.h>

#include "tools/scenario/test_support.h"

namespace lpsync::scenario {
namespace {

using testing::kStart;
using testing::parse_ok;
using testing::with;

TEST(TopLevel, MinimalFileHasTheDocumentedDefaults) {
  Scenario s = parse_ok(testing::kMinimal);
  EXPECT_EQ(s.name, "minimal");
  EXPECT_EQ(s.description, "");
  EXPECT_EQ(s.seed, 0u);
  EXPECT_EQ(s.start, kStart);
  EXPECT_EQ(s.run_until, kStart + Duration::days(1));
  EXPECT_TRUE(s.timeline.empty());
  EXPECT_EQ(s.expect, Expectations{});
  ASSERT_EQ(s.picqer.warehouses.size(), 1u);
  EXPECT_EQ(s.picqer.warehouses[0].idwarehouse, 1);
  EXPECT_EQ(s.picqer.warehouses[0].name, "Main");
  EXPECT_TRUE(s.picqer.warehouses[0].active && s.picqer.warehouses[0].counts_for_general_stock &&
              s.picqer.warehouses[0].accept_orders);
}

TEST(TopLevel, SeedDescriptionAndAbsoluteRunUntil) {
  Scenario s = parse_ok(with({{"seed", "18446744073709551615"}, {"description", "\"A sentence.\""},
                              {"run_until", "\"2026-11-03T10:30:00Z\""}}));
  EXPECT_EQ(s.seed, 18446744073709551615u);
  EXPECT_EQ(s.description, "A sentence.");
  EXPECT_EQ(s.run_until, kStart + Duration::hours(26) + Duration::minutes(30));
}

TEST(Settings, AScenarioDefaultsActiveToTrueAndKeepsTheOtherDefaults) {
  Scenario s = parse_ok(testing::kMinimal);
  EXPECT_EQ(s.settings, SettingsPatch{});
  Settings expected;
  expected.active = true;
  EXPECT_EQ(s.start_settings(), expected);
}

TEST(Settings, GivenKeysAreKeptAndApplied) {
  Scenario s = parse_ok(with({{"settings", R"({"active": false, "order_filter": "eligible_to_ship",
      "poll_interval": 60, "send_stock": true, "stock_warehouses": [1], "read_only": true})"}}));
  EXPECT_EQ(given_keys(s.settings),
            (std::vector<std::string_view>{"active", "order_filter", "send_stock", "read_only", "poll_interval",
                                           "stock_warehouses"}));
  Settings settings = s.start_settings();
  EXPECT_FALSE(settings.active);
  EXPECT_EQ(settings.order_filter, OrderFilter::eligible_to_ship);
  EXPECT_EQ(settings.poll_interval, Duration::seconds(60));
  EXPECT_TRUE(settings.send_stock);
  EXPECT_TRUE(settings.read_only);
  EXPECT_FALSE(settings.send_shipments);
  EXPECT_TRUE(settings.import_orders);
  EXPECT_EQ(settings.stock_warehouses, std::vector<int64_t>{1});
}

TEST(LightspeedState, ProductsAndVariantsWithNeutralDefaults) {
  Scenario s = parse_ok(with({{"lightspeed", R"({"products": [
      {"id": 1, "title": "Shirt", "images": ["front.jpg", "back.jpg"], "variants": [
        {"id": 11, "title": "M", "sku": " SH-M ", "ean": "871", "articleCode": "A1", "priceExcl": 16.5,
         "priceIncl": 19.95, "stockLevel": -2, "stockTracking": "indicator"},
        {"id": 12}]}]})"}}));
  ASSERT_EQ(s.lightspeed.products.size(), 1u);
  const LightspeedProduct& p = s.lightspeed.products[0];
  EXPECT_EQ(p.title, "Shirt");
  EXPECT_EQ(p.images, (std::vector<std::string>{"front.jpg", "back.jpg"}));
  ASSERT_EQ(p.variants.size(), 2u);
  const LightspeedVariant& m = p.variants[0];
  EXPECT_EQ(m.sku, " SH-M ");  // kept as written; trimming is a sync rule
  EXPECT_EQ(m.article_code, "A1");
  EXPECT_EQ(m.price_excl, 16.5);
  EXPECT_EQ(m.price_incl, 19.95);
  EXPECT_EQ(m.stock_level, -2);
  EXPECT_EQ(m.stock_tracking, "indicator");
  LightspeedVariant neutral;
  neutral.id = 12;
  EXPECT_EQ(p.variants[1], neutral);
  EXPECT_EQ(neutral.stock_tracking, "enabled");
}

TEST(LightspeedState, OrdersWithDefaultsTimesAddressAndLines) {
  Scenario s = parse_ok(with({{"lightspeed", R"({"orders": [
      {"id": 5, "number": "ORD00042", "createdAt": "-13h", "paymentStatus": "paid", "email": "a@b.nl",
       "address": {"name": "Ann", "city": "Utrecht", "country": "nl"},
       "lines": [{"variant": 11, "quantity": 2, "priceIncl": 19.95}, {"variant": false}, {"variant": null}]},
      {"id": 6, "createdAt": "2026-11-01T08:00:00Z", "updatedAt": "+5m", "status": "processing_partially_paid",
       "shipmentIsCashOnDelivery": true, "paymentIsPost": true}]})"}}));
  ASSERT_EQ(s.lightspeed.orders.size(), 2u);
  const LightspeedOrder& a = s.lightspeed.orders[0];
  EXPECT_EQ(a.number, "ORD00042");
  EXPECT_EQ(a.created_at, kStart - Duration::hours(13));
  EXPECT_EQ(a.updated_at, a.created_at);  // updatedAt defaults to createdAt in the initial state
  EXPECT_EQ(a.status, "processing_awaiting_shipment");
  EXPECT_EQ(a.payment_status, "paid");
  EXPECT_EQ(a.shipment_status, "not_shipped");
  EXPECT_FALSE(a.shipment_is_cash_on_delivery);
  EXPECT_EQ(a.address.name, "Ann");
  EXPECT_EQ(a.address.street, "");
  EXPECT_EQ(a.address.country, "nl");
  ASSERT_EQ(a.lines.size(), 3u);
  EXPECT_EQ(a.lines[0], (OrderLine{11, 2, 19.95}));
  EXPECT_EQ(a.lines[1], (OrderLine{std::nullopt, 1, std::nullopt}));
  EXPECT_EQ(a.lines[2], a.lines[1]);
  const LightspeedOrder& b = s.lightspeed.orders[1];
  EXPECT_EQ(b.number, "ORD00006");
  EXPECT_EQ(b.created_at, kStart - Duration::days(1));
  EXPECT_EQ(b.updated_at, kStart + Duration::minutes(5));
  EXPECT_EQ(b.status, "processing_partially_paid");
  EXPECT_TRUE(b.shipment_is_cash_on_delivery && b.payment_is_post);
}

TEST(LightspeedState, OrdersCarryPickupShippingMethodAndComment) {
  Scenario s = parse_ok(with({{"lightspeed", R"({"orders": [
      {"id": 5, "shipmentIsPickup": true, "shipmentMethodId": 1042, "comment": "Ring twice"}, {"id": 6}]})"}}));
  ASSERT_EQ(s.lightspeed.orders.size(), 2u);
  EXPECT_TRUE(s.lightspeed.orders[0].shipment_is_pickup);
  EXPECT_EQ(s.lightspeed.orders[0].shipment_method_id, 1042);
  EXPECT_EQ(s.lightspeed.orders[0].comment, "Ring twice");
  EXPECT_FALSE(s.lightspeed.orders[1].shipment_is_pickup);
  EXPECT_EQ(s.lightspeed.orders[1].shipment_method_id, std::nullopt);
  EXPECT_EQ(s.lightspeed.orders[1].comment, "");
  ParseError e = testing::parse_error(with({{"lightspeed", R"({"orders": [{"id": 5, "shipmentMethodId": 0}]})"}}));
  EXPECT_EQ(e.path, "$.lightspeed.orders[0].shipmentMethodId");
}

TEST(LightspeedState, AnOrderWithoutTimesWasPlacedAtStart) {
  Scenario s = parse_ok(with({{"lightspeed", R"({"orders": [{"id": 7, "number": 1007}]})"}}));
  EXPECT_EQ(s.lightspeed.orders[0].created_at, kStart);
  EXPECT_EQ(s.lightspeed.orders[0].updated_at, kStart);
  EXPECT_EQ(s.lightspeed.orders[0].number, "1007");  // a numeric number is read as its text
}

TEST(PicqerState, WarehousesProductsAndOrders) {
  Scenario s = parse_ok(with({{"picqer", R"({
      "warehouses": [{"idwarehouse": 1, "name": "Main"},
                     {"idwarehouse": 2, "name": "Shop", "active": false, "counts_for_general_stock": false,
                      "accept_orders": false}],
      "products": [{"idproduct": 100, "productcode": "SH-M", "name": "Shirt M", "price": 16.5, "active": false,
                    "barcode": "871", "stock": {"1": 5, "2": 0}},
                   {"productcode": "MUG"}],
      "orders": [{"idorder": 9, "reference": "ORD00042", "status": "completed",
                  "products": [{"productcode": "SH-M", "amount": 2}, {"productcode": "MUG"}]}]})"}}));
  ASSERT_EQ(s.picqer.warehouses.size(), 2u);
  EXPECT_FALSE(s.picqer.warehouses[1].active || s.picqer.warehouses[1].counts_for_general_stock ||
               s.picqer.warehouses[1].accept_orders);
  ASSERT_EQ(s.picqer.products.size(), 2u);
  const PicqerProduct& p = s.picqer.products[0];
  EXPECT_EQ(p.idproduct, 100);
  EXPECT_EQ(p.price, 16.5);
  EXPECT_FALSE(p.active);
  EXPECT_EQ(p.barcode, "871");
  EXPECT_EQ(p.stock, (StockMap{{1, 5}, {2, 0}}));
  const PicqerProduct& mug = s.picqer.products[1];
  EXPECT_EQ(mug.idproduct, std::nullopt);
  EXPECT_EQ(mug.name, "MUG");  // the name defaults to the productcode
  EXPECT_TRUE(mug.active);
  ASSERT_EQ(s.picqer.orders.size(), 1u);
  EXPECT_EQ(s.picqer.orders[0].status, "completed");
  EXPECT_EQ(s.picqer.orders[0].products,
            (std::vector<PicqerOrderLine>{{"SH-M", 2}, {"MUG", 1}}));
}

TEST(LoadFile, ReadsAFileAndNamesAnUnreadableOne) {
  std::string dir = std::getenv("TEST_TMPDIR") ? std::getenv("TEST_TMPDIR") : "/tmp";
  std::string file = dir + "/minimal.json";
  FILE* f = std::fopen(file.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fputs(testing::kMinimal, f);
  std::fclose(f);
  ParseResult ok = load_scenario_file(file);
  ASSERT_TRUE(ok.ok()) << ok.error().to_string();
  EXPECT_EQ(ok.scenario().name, "minimal");

  ParseResult missing = load_scenario_file(dir + "/nope.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().path, "");
  EXPECT_EQ(missing.error().message, "cannot read scenario file \"" + dir + "/nope.json\": no such file");
  ParseResult directory = load_scenario_file(dir);
  ASSERT_FALSE(directory.ok());
  EXPECT_NE(directory.error().message.find("is a directory"), std::string::npos);
}

}  // namespace
}  // namespace lpsync::scenario
