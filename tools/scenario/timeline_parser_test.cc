// Each timeline action, with its arguments typed and its times resolved.
#include <gtest/gtest.h>

#include "tools/scenario/test_support.h"

namespace lpsync::scenario {
namespace {

using testing::kStart;
using testing::with;

// A shop with product 1 (variants 11, 12) and order 5 "ORD00005", and Picqer product SH-M.
constexpr const char* kShop =
    R"({"products": [{"id": 1, "variants": [{"id": 11, "sku": "SH-M"}, {"id": 12}]}], "orders": [{"id": 5}]})";
constexpr const char* kAccount = R"({"products": [{"productcode": "SH-M"}]})";

// Parses kMinimal with the shop, the account and a timeline of these events.
std::vector<Event> timeline(const std::string& events) {
  return testing::parse_ok(with({{"lightspeed", kShop}, {"picqer", kAccount}, {"timeline", events}})).timeline;
}

template <class A>
A only(const std::vector<Event>& events) {
  EXPECT_EQ(events.size(), 1u);
  if (events.size() != 1 || !std::holds_alternative<A>(events[0].action)) {
    ADD_FAILURE() << "not the expected action";
    return A{};
  }
  return std::get<A>(events[0].action);
}

TEST(Timeline, LightspeedOrderCreateDefaultsItsTimesToTheEvent) {
  auto events = timeline(R"([{"at": "+2h", "lightspeed.order.create":
      {"id": 6, "number": "ORD00006", "paymentStatus": "paid", "lines": [{"variant": 11, "quantity": 3}]}}])");
  EXPECT_EQ(events[0].at, kStart + Duration::hours(2));
  LightspeedOrder o = only<CreateLightspeedOrder>(events).order;
  EXPECT_EQ(o.id, 6);
  EXPECT_EQ(o.created_at, kStart + Duration::hours(2));
  EXPECT_EQ(o.updated_at, kStart + Duration::hours(2));
  EXPECT_EQ(o.payment_status, "paid");
  EXPECT_EQ(o.lines, (std::vector<OrderLine>{{11, 3, std::nullopt}}));
}

TEST(Timeline, LightspeedOrderUpdateKeepsOnlyTheGivenFields) {
  auto events = timeline(R"([{"at": "+20h", "lightspeed.order.update": {"id": 5, "paymentStatus": "paid",
      "address": {"city": "Gent"}}}])");
  OrderPatch p = only<UpdateLightspeedOrder>(events).changes;
  OrderPatch expected;
  expected.id = 5;
  expected.payment_status = "paid";
  expected.address = AddressPatch{};
  expected.address->city = "Gent";
  EXPECT_EQ(p, expected);
  LightspeedOrder o;
  o.address.name = "Ann";
  apply(p, o);
  EXPECT_EQ(o.payment_status, "paid");
  EXPECT_EQ(o.address.name, "Ann");
  EXPECT_EQ(o.address.city, "Gent");
}

TEST(Timeline, LightspeedVariantUpdate) {
  VariantPatch p = only<UpdateLightspeedVariant>(
                       timeline(R"([{"at": "+1h", "lightspeed.variant.update": {"id": 12, "sku": "SH-L"}}])"))
                       .changes;
  VariantPatch expected;
  expected.id = 12;
  expected.sku = "SH-L";
  EXPECT_EQ(p, expected);
}

TEST(Timeline, LightspeedProductCreate) {
  LightspeedProduct p = only<CreateLightspeedProduct>(timeline(R"([{"at": "+1h", "lightspeed.product.create":
      {"id": 2, "title": "Mug", "images": ["mug.jpg"], "variants": [{"id": 21, "sku": "MUG", "stockLevel": 4}]}}])"))
                            .product;
  EXPECT_EQ(p.id, 2);
  EXPECT_EQ(p.images, std::vector<std::string>{"mug.jpg"});
  ASSERT_EQ(p.variants.size(), 1u);
  EXPECT_EQ(p.variants[0].stock_level, 4);
}

TEST(Timeline, PicqerStockSet) {
  SetPicqerStock s = only<SetPicqerStock>(
      timeline(R"([{"at": "+1h", "picqer.stock.set": {"productcode": "SH-M", "idwarehouse": 1, "amount": 7}}])"));
  EXPECT_EQ(s, (SetPicqerStock{"SH-M", 1, 7}));
}

TEST(Timeline, PicqerProductCreate) {
  PicqerProduct p = only<CreatePicqerProduct>(timeline(R"([{"at": "+1h", "picqer.product.create":
      {"productcode": "MUG", "name": "Mug", "price": 4.5, "stock": {"1": 3}}}])"))
                        .product;
  EXPECT_EQ(p.productcode, "MUG");
  EXPECT_EQ(p.price, 4.5);
  EXPECT_EQ(p.stock, (StockMap{{1, 3}}));
}

TEST(Timeline, PicqerOrderShipWithAndWithoutCarrier) {
  auto events = timeline(R"([{"at": "+3h", "picqer.order.ship": {"reference": "ORD00005", "trackingcode": "3S1"}},
      {"at": "+4h", "picqer.order.ship": {"reference": "ORD00005", "trackingcode": "3S2", "carrier": "postnl"}}])");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(std::get<ShipPicqerOrder>(events[0].action), (ShipPicqerOrder{"ORD00005", "3S1", std::nullopt}));
  EXPECT_EQ(std::get<ShipPicqerOrder>(events[1].action), (ShipPicqerOrder{"ORD00005", "3S2", "postnl"}));
}

TEST(Timeline, PicqerShipmentCancelAndOrderPickNameTheReference) {
  auto events = timeline(R"([{"at": "+3h", "picqer.order.pick": {"reference": "ORD00005"}},
      {"at": "+4h", "picqer.shipment.cancel": {"reference": "ORD00005"}}])");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(std::get<PickPicqerOrder>(events[0].action), PickPicqerOrder{"ORD00005"});
  EXPECT_EQ(std::get<CancelPicqerShipment>(events[1].action), CancelPicqerShipment{"ORD00005"});
  EXPECT_EQ(action_name(events[0].action), "picqer.order.pick");
  EXPECT_EQ(action_name(events[1].action), "picqer.shipment.cancel");
}

TEST(Timeline, EngineImportOrderTakesANumberAsTextOrDigits) {
  auto events = timeline(R"([{"at": "+1h", "engine.import_order": {"number": "ORD00005"}},
      {"at": "+2h", "engine.import_order": {"number": 1042}}])");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(std::get<ImportOrder>(events[0].action), ImportOrder{"ORD00005"});
  EXPECT_EQ(std::get<ImportOrder>(events[1].action), ImportOrder{"1042"});
  EXPECT_EQ(action_name(events[0].action), "engine.import_order");
}

TEST(Timeline, EngineSettingsKeepsOnlyTheGivenKeys) {
  SettingsPatch p =
      only<ChangeSettings>(timeline(R"([{"at": "+1h", "engine.settings": {"send_stock": true}}])")).changes;
  SettingsPatch expected;
  expected.send_stock = true;
  EXPECT_EQ(p, expected);
}

TEST(Timeline, EngineButtonsAndCrashTakeNoArguments) {
  auto events = timeline(R"([{"at": "+1m", "engine.activate": {}}, {"at": "+2m", "engine.import_products": {}},
      {"at": "+3m", "engine.crash": {}}])");
  ASSERT_EQ(events.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<Activate>(events[0].action));
  EXPECT_TRUE(std::holds_alternative<ImportProducts>(events[1].action));
  EXPECT_TRUE(std::holds_alternative<Crash>(events[2].action));
  EXPECT_EQ(action_name(events[1].action), "engine.import_products");
}

TEST(Timeline, EngineDown) {
  EXPECT_EQ(only<GoDown>(timeline(R"([{"at": "+1h", "engine.down": {"for": "13h"}}])")).duration,
            Duration::hours(13));
}

TEST(Timeline, FaultWithCountOrDuration) {
  auto events = timeline(R"([
      {"at": "+0s", "fault": {"target": "lightspeed", "kind": "http_429", "count": 3, "match": "PUT /variants/*"}},
      {"at": "+0s", "fault": {"target": "picqer", "kind": "timeout", "for": "10m"}},
      {"at": "+0s", "fault": {"target": "picqer", "kind": "webhook_drop", "for": "1h",
                              "match": "products.free_stock_changed"}}])");
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(std::get<InjectFault>(events[0].action),
            (InjectFault{System::lightspeed, fakes::FaultKind::http_429, 3, std::nullopt, "PUT /variants/*"}));
  EXPECT_EQ(std::get<InjectFault>(events[1].action),
            (InjectFault{System::picqer, fakes::FaultKind::timeout, std::nullopt, Duration::minutes(10), ""}));
  EXPECT_EQ(std::get<InjectFault>(events[2].action).match, "products.free_stock_changed");
}

TEST(Timeline, FileOrderIsKeptAndTimeOrderIsStable) {
  auto events = timeline(R"([{"at": "+2h", "engine.crash": {}}, {"at": "+1h", "engine.activate": {}},
      {"at": "+2h", "engine.import_products": {}}, {"at": "2026-11-02T09:00:00Z", "engine.down": {"for": "1m"}}])");
  ASSERT_EQ(events.size(), 4u);
  EXPECT_TRUE(std::holds_alternative<Crash>(events[0].action));
  EXPECT_EQ(time_order(events), (std::vector<size_t>{1, 3, 0, 2}));
  std::vector<Event> sorted = in_time_order(events);
  EXPECT_TRUE(std::holds_alternative<Activate>(sorted[0].action));
  EXPECT_TRUE(std::holds_alternative<GoDown>(sorted[1].action));
  EXPECT_TRUE(std::holds_alternative<Crash>(sorted[2].action));
  EXPECT_TRUE(std::holds_alternative<ImportProducts>(sorted[3].action));
}

TEST(Timeline, AnUpdateMayFollowACreateAtTheSameInstantInFileOrder) {
  auto events = timeline(R"([{"at": "+1h", "lightspeed.order.create": {"id": 8}},
      {"at": "+1h", "lightspeed.order.update": {"id": 8, "paymentStatus": "paid"}}])");
  EXPECT_EQ(events.size(), 2u);
}

}  // namespace
}  // namespace lpsync::scenario
