// Issue 14, item 8: a US shop (cluster us1, language "us") runs end to end like an "en" shop.
// The fake answers only the shop's languages (any other is a 404), so every API request of the
// engine must carry /us/; webhooks are registered in "us" and their deliveries are accepted.
#include <gtest/gtest.h>

#include "engine/env/crypto.h"
#include "tests/engine/shop_fixture.h"

namespace lpsync::testing {
namespace {

struct Outcome {
  std::vector<std::string> references;
  int64_t stock_11 = 0, stock_21 = 0;
  std::string tracking;
  bool operator==(const Outcome&) const = default;
};

sim::WorldConfig shop_in(const std::string& language, const std::string& cluster) {
  Settings s = active_settings();
  s.send_stock = true;
  s.send_shipments = true;
  sim::WorldConfig c = world_config(s);
  c.lightspeed.languages = {language};
  c.lightspeed.cluster_id = cluster;
  return c;
}

// Orders, stock and a shipment, with a merchant's change in the shop on the way.
Outcome run_shop(sim::World& w) {
  add_standard_catalogue(w);
  int64_t order = place_order(w, "ORD1", {{11, 2}});
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));
  ls_fake::VariantPatch p;
  p.stock_level = 1;
  w.lightspeed().update_variant(11, p);  // the shop's webhook brings it back to Picqer's level
  if (!w.picqer().set_stock("SHIRT-S", 1, 20).ok()) ADD_FAILURE() << "set_stock";
  if (!w.picqer().ship_order("ORD1", "3SUS", "ups").ok()) ADD_FAILURE() << "ship_order";
  w.run_until(kStart + Duration::minutes(30));
  const auto* shipment = w.lightspeed().shipment_of_order(order);
  return {picqer_references(w), w.lightspeed().variant(11)->stock_level, w.lightspeed().variant(21)->stock_level,
          shipment ? shipment->tracking_code : ""};
}

TEST(UsShop, RunsEndToEndLikeAnEnglishShop) {
  sim::World en(shop_in("en", "eu1"));
  Outcome expected = run_shop(en);
  ASSERT_EQ(expected.references, (std::vector<std::string>{"ORD1"}));
  ASSERT_EQ(expected.tracking, "3SUS");

  sim::World us(shop_in("us", "us1"));
  EXPECT_EQ(run_shop(us), expected);
  // No request was refused for its language (the fake answers 404 to any other).
  for (const auto& e : us.lightspeed().journal().entries()) EXPECT_NE(e.status, 404) << e.method << " " << e.path;
  ASSERT_FALSE(us.lightspeed().shop().webhooks().empty());
  for (const auto& [id, hook] : us.lightspeed().shop().webhooks()) EXPECT_EQ(hook.language, "us") << hook.address;
  // The shop's webhooks came as a US shop sends them, and the engine took them.
  size_t delivered = 0;
  for (const auto& d : us.lightspeed().deliveries()) {
    if (!d.sent) continue;
    ++delivered;
    EXPECT_EQ(d.request.headers.get("X-Language"), "us");
    EXPECT_EQ(d.status, 200) << d.event;
  }
  EXPECT_GT(delivered, 0u);
  EXPECT_EQ(us.engine()->report_as_is().webhooks_refused, 0);
}

TEST(UsShop, AnEngineSetForTheWrongLanguageIsRefusedByTheFake) {
  // The guard above is real: the same shop asked in "en" answers 404 (unknown language).
  sim::World us(shop_in("us", "us1"));
  ls_fake::LightspeedFake& fake = us.lightspeed();
  Request r;
  r.method = "GET";
  r.url = fake.config().origin + "/en/orders.json";
  r.headers.set("Authorization", "Basic " + base64_encode(fake.config().key + ":" + fake.config().secret));
  TransportResult answer = fake.handle(r);
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer.value().status, 404);
  r.url = fake.config().origin + "/us/orders.json";
  EXPECT_EQ(fake.handle(r).value().status, 200);
}

}  // namespace
}  // namespace lpsync::testing
