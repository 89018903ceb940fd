// Webhook CRUD and delivery: headers, bodies, timing, duplicates when registered twice, the
// X-Signature of each delivery (and its absence under the unsigned quirk).
#include <gtest/gtest.h>

#include "engine/env/crypto.h"
#include "engine/env/json.h"
#include "fakes/lightspeed/test_support.h"

namespace lpsync::fakes::lightspeed::testing {
namespace {

namespace bj = boost::json;

std::string str(const bj::value& v) { return std::string(v.as_string()); }
std::string hook(const std::string& fields) { return R"({"webhook":{)" + fields + "}}"; }
const std::string kValid =
    R"("isActive":true,"itemGroup":"orders","itemAction":"created","language":"en","format":"json","address":"https://engine.test/lightspeed/hook?token=s3cret")";

TEST(WebhookCrud, CreateListGetCountUpdateDelete) {
  Harness h;
  h.clock.advance(Duration::minutes(1));
  Response created = h.post("/en/webhooks.json", hook(kValid));
  ASSERT_EQ(created.status, 201) << created.body;
  const bj::value w = body_of(created).at("webhook");
  int64_t id = w.at("id").as_int64();
  EXPECT_EQ(w.at("isActive"), bj::value(true));
  EXPECT_EQ(str(w.at("itemGroup")), "orders");
  EXPECT_EQ(str(w.at("itemAction")), "created");
  EXPECT_EQ(str(w.at("format")), "json");
  EXPECT_EQ(str(w.at("address")), "https://engine.test/lightspeed/hook?token=s3cret");
  EXPECT_EQ(str(w.at("language").at("code")), "en");
  EXPECT_EQ(str(w.at("createdAt")), "2026-11-02T08:01:00+00:00");
  EXPECT_FALSE(w.as_object().contains("url")) << "webhooks have address, not url";

  EXPECT_EQ(body_of(h.get("/en/webhooks.json")).at("webhooks").as_array().size(), 1u);
  EXPECT_EQ(body_of(h.get("/en/webhooks/count.json")).at("count").as_int64(), 1);
  std::string path = "/en/webhooks/" + std::to_string(id) + ".json";
  EXPECT_EQ(body_of(h.get(path)).at("webhook").at("id").as_int64(), id);
  Response updated = h.put(path, hook(R"("itemAction":"*","isActive":false)"));
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(str(body_of(updated).at("webhook").at("itemAction")), "*");
  EXPECT_FALSE(h.fake.webhook(id)->is_active);
  EXPECT_EQ(h.fake.webhook(id)->address, "https://engine.test/lightspeed/hook?token=s3cret");
  EXPECT_EQ(h.send("DELETE", path).status, 204);
  EXPECT_EQ(h.get(path).status, 404);
  EXPECT_EQ(body_of(h.get("/en/webhooks/count.json")).at("count").as_int64(), 0);
}

TEST(WebhookCrud, TheLanguageDefaultsToTheRequestsAndBadFieldsAre422) {
  LightspeedConfig c;
  c.languages = {"nl", "en"};
  Harness h(c);
  Response r = h.post("/nl/webhooks.json", hook(R"("itemGroup":"variants","itemAction":"updated","address":"http://x.test/h")"));
  ASSERT_EQ(r.status, 201);
  EXPECT_EQ(str(body_of(r).at("webhook").at("language").at("code")), "nl");
  EXPECT_EQ(str(body_of(r).at("webhook").at("format")), "json");
  const std::string bad[] = {
      hook(R"("itemAction":"created","address":"http://x.test/h")"),
      hook(R"("itemGroup":"orders","itemAction":"created")"),
      hook(R"("itemGroup":"returns","itemAction":"created","address":"http://x.test/h")"),
      hook(R"("itemGroup":"orders","itemAction":"removed","address":"http://x.test/h")"),
      hook(R"("itemGroup":"variants","itemAction":"paid","address":"http://x.test/h")"),
      hook(R"("itemGroup":"orders","itemAction":"answered","address":"http://x.test/h")"),
      hook(R"("itemGroup":"orders","itemAction":"created","address":"not a url")"),
      hook(R"("itemGroup":"orders","itemAction":"created","address":"http://x.test/h","format":"xml")"),
      hook(R"("itemGroup":"orders","itemAction":"created","address":"http://x.test/h","language":"de")"),
      hook(R"("itemGroup":"orders","itemAction":"created","address":"http://x.test/h","isActive":"yes")"),
      hook(R"("itemGroup":"orders","itemAction":"created","address":"http://x.test/h","id":4)"),
      hook(R"("itemGroup":"orders","itemAction":"created","address":"http://x.test/h","url":"http://x")"),
  };
  for (const auto& body : bad) {
    h.clock.advance(Duration::seconds(1));
    EXPECT_EQ(h.post("/nl/webhooks.json", body).status, 422) << body;
  }
  EXPECT_EQ(h.post("/nl/webhooks.json", "{\"webhook\":").status, 400);
  EXPECT_EQ(h.fake.shop().webhooks().size(), 1u);
}

TEST(WebhookDelivery, OrderCreatedIsPostedAfterTheDelayWithHeadersAndTheEmbeddedOrder) {
  Harness h;
  h.add_shirt();
  ASSERT_EQ(h.post("/en/webhooks.json", hook(kValid)).status, 201);
  int64_t id = h.add_order({line(11, 2)}, "paid");
  h.clock.advance(Duration::millis(999));
  EXPECT_EQ(h.hooks.requests.size(), 0u) << "sent one second after the event";
  h.clock.advance(Duration::millis(1));
  ASSERT_EQ(h.hooks.requests.size(), 1u);
  const Request& post = h.hooks.requests[0];
  EXPECT_EQ(post.method, "POST");
  EXPECT_EQ(post.url, "https://engine.test/lightspeed/hook?token=s3cret");
  EXPECT_EQ(post.headers.get("Content-Type"), "application/json");
  EXPECT_EQ(post.headers.get("X-Shop-Id"), "1");
  EXPECT_EQ(post.headers.get("X-Format"), "json");
  EXPECT_EQ(post.headers.get("X-Language"), "en");
  EXPECT_EQ(post.headers.get("X-Event"), "orders/created");
  EXPECT_EQ(post.headers.get("X-Cluster-Id"), "eu1");
  EXPECT_EQ(post.headers.get("X-Orders-Id"), std::to_string(id));
  EXPECT_EQ(post.headers.get("X-RateLimit-Limit"), "300/3000/12000");
  EXPECT_EQ(post.headers.get("X-Request-Id").value_or("").size(), 32u);
  bj::value body = json::parse(post.body);
  ASSERT_EQ(body.as_object().size(), 1u);
  const bj::value& o = body.at("order");
  EXPECT_EQ(o.at("id").as_int64(), id);
  EXPECT_EQ(str(o.at("paymentStatus")), "paid");
  const bj::value& lines = o.at("products").at("resource").at("embedded");
  ASSERT_EQ(lines.as_array().size(), 1u);
  EXPECT_EQ(lines.at(0).at("variant").at("resource").at("id").as_int64(), 11);
  EXPECT_EQ(str(lines.at(0).at("sku")), "SKU-11");
  const bj::value& shipments = o.at("shipments").at("resource").at("embedded");
  EXPECT_EQ(str(shipments.at(0).at("status")), "not_shipped");
  EXPECT_EQ(h.fake.deliveries().at(0).status, 200);
}

TEST(WebhookDelivery, EveryEventTheEngineUsesIsDelivered) {
  Harness h;
  h.add_shirt();
  for (const char* action : {"created", "updated", "paid", "shipped"}) h.add_webhook("orders", action);
  h.add_webhook("variants", "updated");
  int64_t id = h.add_order({line(11, 1)});
  h.clock.advance(Duration::seconds(2));
  OrderPatch paid;
  paid.payment_status = "paid";
  h.fake.update_order(id, paid);
  h.clock.advance(Duration::seconds(2));
  h.put("/en/shipments/" + std::to_string(h.fake.shipment_of_order(id)->id) + ".json",
        R"({"shipment":{"status":"shipped","trackingCode":"T"}})");
  h.clock.advance(Duration::seconds(2));
  std::vector<std::string> events;
  for (const auto& r : h.hooks.requests) events.push_back(r.headers.get("X-Event").value_or(""));
  EXPECT_EQ(events, (std::vector<std::string>{"orders/created", "variants/updated", "orders/updated", "orders/paid",
                                              "orders/updated", "orders/shipped"}));
  bj::value variant = json::parse(h.hooks.requests[1].body);
  EXPECT_EQ(variant.at("variant").at("stockLevel").as_int64(), 9);
  EXPECT_EQ(str(variant.at("variant").at("product").at("resource").at("embedded").at("title")), "Shirt");
  bj::value shipped = json::parse(h.hooks.requests[5].body);
  EXPECT_EQ(str(shipped.at("order").at("status")), "completed_shipped");
}

TEST(WebhookSignature, DeliveriesAreSignedWithTheSecretOfTheKeyThatCreatedTheWebhook) {
  Harness h;
  h.add_shirt();
  h.add_webhook("orders", "created");
  h.add_order({line(11, 1)});
  h.clock.advance(Duration::seconds(2));
  ASSERT_EQ(h.hooks.requests.size(), 1u);
  const Request& sent = h.hooks.requests[0];
  EXPECT_EQ(sent.headers.get("X-Signature"), lightspeed_signature(sent.body, h.fake.config().secret));
  EXPECT_EQ(sent.headers.get("X-Signature")->size(), 32u) << "lower-case hex md5";
}

TEST(WebhookSignature, AnAppsWebhooksAreSignedWithTheAppSecret) {
  Harness h;
  h.add_shirt();
  AppCallback install = h.fake.install_app("appkey0000000000000000000000000a", "appsecret000000000000000000000000");
  Request create{"POST", h.fake.config().origin + "/en/webhooks.json",
                 {{"Content-Type", "application/json"}},
                 hook(R"("itemGroup":"orders","itemAction":"created","address":"http://engine.test/hook")")};
  create.headers.set("Authorization", basic_auth_header("appkey0000000000000000000000000a",
                                                        app_api_password(*install.token, "appsecret000000000000000000000000")));
  ASSERT_EQ(h.raw(create).value().status, 201);
  h.add_order({line(11, 1)});
  h.clock.advance(Duration::seconds(2));
  ASSERT_EQ(h.hooks.requests.size(), 1u);
  const Request& sent = h.hooks.requests[0];
  EXPECT_EQ(sent.headers.get("X-Signature"), lightspeed_signature(sent.body, "appsecret000000000000000000000000"));
}

TEST(WebhookSignature, TheUnsignedQuirkSendsNoSignature) {
  LightspeedConfig c;
  c.quirks.turn_on(std::string(kLightspeedUnsignedWebhooks));
  Harness h(c);
  h.add_shirt();
  h.add_webhook("orders", "created");
  h.add_order({line(11, 1)});
  h.clock.advance(Duration::seconds(2));
  ASSERT_EQ(h.hooks.requests.size(), 1u);
  EXPECT_FALSE(h.hooks.requests[0].headers.has("X-Signature"));
}

TEST(WebhookDelivery, RegisteringTheSameWebhookTwiceDeliversTwice) {
  Harness h;
  h.add_shirt();
  h.add_webhook("variants", "updated");
  h.add_webhook("variants", "updated");
  h.add_webhook("variants", "*");
  h.add_webhook("orders", "*");
  ASSERT_EQ(h.put("/en/variants/12.json", R"({"variant":{"stockLevel":9}})").status, 200);
  h.clock.advance(Duration::seconds(1));
  ASSERT_EQ(h.hooks.requests.size(), 3u);
  EXPECT_EQ(h.hooks.requests[0].body, h.hooks.requests[1].body);
  EXPECT_NE(h.hooks.requests[0].headers.get("X-Request-Id"), h.hooks.requests[1].headers.get("X-Request-Id"));
}

TEST(WebhookDelivery, InactiveWebhooksAndApiWritesWhenConfiguredOffSendNothing) {
  LightspeedConfig c;
  c.webhooks_for_api_writes = false;
  Harness h(c);
  h.add_shirt();
  int64_t id = h.add_webhook("variants", "updated");
  h.put("/en/variants/12.json", R"({"variant":{"stockLevel":9}})");
  h.clock.advance(Duration::seconds(5));
  EXPECT_EQ(h.hooks.requests.size(), 0u) << "the engine's own write is not echoed";
  VariantPatch p;
  p.sku = "X";
  h.fake.update_variant(12, p);
  h.clock.advance(Duration::seconds(5));
  EXPECT_EQ(h.hooks.requests.size(), 1u) << "a merchant's change is";
  h.put("/en/webhooks/" + std::to_string(id) + ".json", hook(R"("isActive":false)"));
  h.fake.update_variant(12, p);
  h.clock.advance(Duration::seconds(5));
  EXPECT_EQ(h.hooks.requests.size(), 1u);
}

TEST(WebhookDelivery, TheBodyIsTheStateAtTheEventAndFailuresAreRecordedNotRetried) {
  Harness h;
  h.add_shirt();
  h.add_webhook("variants", "updated");
  h.hooks.status = 500;
  VariantPatch p;
  p.stock_level = 1;
  h.fake.update_variant(11, p);
  p.stock_level = 2;
  h.fake.update_variant(11, p);
  h.clock.advance(Duration::minutes(10));
  ASSERT_EQ(h.hooks.requests.size(), 2u);
  EXPECT_EQ(json::parse(h.hooks.requests[0].body).at("variant").at("stockLevel").as_int64(), 1);
  EXPECT_EQ(json::parse(h.hooks.requests[1].body).at("variant").at("stockLevel").as_int64(), 2);
  EXPECT_EQ(h.fake.deliveries()[0].status, 500);
  EXPECT_TRUE(h.fake.deliveries()[0].sent);
}

TEST(WebhookDelivery, PastTheQueueCapADeliveryIsDroppedAndTheLogKeepsTheNewest) {
  Harness h;
  h.add_shirt();
  h.add_webhook("variants", "updated");
  h.fake.webhook_sender().set_caps(2, 3);
  VariantPatch p;
  for (int level = 1; level <= 3; ++level) {
    p.stock_level = level;
    h.fake.update_variant(11, p);
  }
  EXPECT_EQ(h.fake.webhook_sender().pending(), 2u);
  EXPECT_EQ(h.fake.webhook_sender().queue_full_drops(), 1u);
  ASSERT_EQ(h.fake.deliveries().size(), 3u);
  EXPECT_TRUE(h.fake.deliveries()[2].dropped);
  EXPECT_NE(h.fake.deliveries()[2].error.find("queue full"), std::string::npos);
  h.clock.advance(Duration::seconds(1));
  EXPECT_EQ(h.hooks.requests.size(), 2u);
  // Two more: the log keeps the newest 3, the oldest sent ones leave it.
  for (int level = 4; level <= 5; ++level) {
    p.stock_level = level;
    h.fake.update_variant(11, p);
  }
  h.clock.advance(Duration::seconds(1));
  EXPECT_EQ(h.hooks.requests.size(), 4u);
  ASSERT_EQ(h.fake.deliveries().size(), 3u);
  EXPECT_TRUE(h.fake.deliveries()[0].dropped);
  EXPECT_TRUE(h.fake.deliveries()[1].sent);
  EXPECT_TRUE(h.fake.deliveries()[2].sent);
}

TEST(WebhookDelivery, PendingDeliveriesAreCancelledWhenTheFakeGoes) {
  SimClock clock(kStart);
  RecordingTransport hooks;
  {
    LightspeedFake fake(clock, hooks, Random(1));
    Request create{"POST", "http://lightspeed.test/en/webhooks.json", {},
                   hook(R"("itemGroup":"orders","itemAction":"created","address":"http://engine.test/h")")};
    create.headers.set("Authorization", basic_auth_header(fake.config().key, fake.config().secret));
    ASSERT_EQ(fake.handle(create).value().status, 201);
    fake.place_order(OrderSpec{});
    EXPECT_EQ(clock.pending(), 1u);
  }
  EXPECT_EQ(clock.pending(), 0u);
  clock.advance(Duration::seconds(5));
  EXPECT_EQ(hooks.requests.size(), 0u);
}

}  // namespace
}  // namespace lpsync::fakes::lightspeed::testing
