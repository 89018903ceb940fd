// Webhook deliveries: payload, signature (recomputed with the published algorithm), timing,
// which events fire when, retries, deactivation of a failing hook, webhook faults.
#include <gtest/gtest.h>

#include "engine/env/crypto.h"
#include "engine/env/json.h"
#include "fakes/picqer/test_harness.h"

namespace lpsync::fakes::picqer {
namespace {

namespace bj = boost::json;
using testing::Harness;

std::vector<std::string> events_of(const std::vector<Request>& received) {
  std::vector<std::string> out;
  for (const auto& r : received) out.emplace_back(json::parse(r.body).at("event").as_string());
  return out;
}

TEST(Deliveries, FreeStockChangedIsSignedWithTheHookSecret) {
  Harness h;
  int64_t idhook = h.create_hook("products.free_stock_changed", "top-secret");
  h.create_product("MUG", 7);  // free stock 0 -> 7
  EXPECT_TRUE(h.receiver.received.empty()) << "sent a fixed delay after the event, not at once";
  h.clock.advance(Duration::millis(1999));
  EXPECT_TRUE(h.receiver.received.empty());
  h.clock.advance(Duration::millis(1));
  ASSERT_EQ(h.receiver.received.size(), 1u);

  const Request& sent = h.receiver.received[0];
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.url, "http://engine.test/hooks/picqer");
  EXPECT_EQ(sent.headers.get("Content-Type"), "application/json");
  // The published algorithm: base64 of the binary HMAC-SHA256 of the raw body.
  EXPECT_EQ(sent.headers.get("X-Picqer-Signature"), base64_encode(hmac_sha256("top-secret", sent.body)));
  EXPECT_NE(sent.headers.get("X-Picqer-Signature"), base64_encode(hmac_sha256("other", sent.body)));

  bj::object payload = json::parse(sent.body).as_object();
  std::vector<std::string> keys;
  for (const auto& kv : payload) keys.emplace_back(kv.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"idhook", "name", "event", "event_triggered_at", "data"}));
  EXPECT_EQ(payload.at("idhook"), idhook);
  EXPECT_EQ(payload.at("name"), "hook for products.free_stock_changed");
  EXPECT_EQ(payload.at("event"), "products.free_stock_changed");
  EXPECT_EQ(payload.at("event_triggered_at"), "2026-11-02 08:00:00") << "when it happened, not when it was sent";
  const bj::value& data = payload.at("data");
  EXPECT_EQ(data.at("productcode"), "MUG");
  EXPECT_EQ(data.at("idproduct"), 1);
  ASSERT_EQ(data.at("stock").as_array().size(), 1u);
  EXPECT_EQ(data.at("stock").at(0).at("freestock"), 7);
  EXPECT_EQ(data.at("stock").at(0).at("idwarehouse"), 1);
}

TEST(Deliveries, AHookWithoutSecretIsNotSigned) {
  Harness h;
  h.create_hook("products.free_stock_changed", "");
  h.create_product("MUG", 1);
  h.clock.advance(Duration::seconds(2));
  ASSERT_EQ(h.receiver.received.size(), 1u);
  EXPECT_FALSE(h.receiver.received[0].headers.has("X-Picqer-Signature"));
}

TEST(Deliveries, FreeStockChangedFiresOnlyWhenFreeStockChanges) {
  Harness h;
  h.create_hook("products.free_stock_changed");
  h.create_hook("products.stock_changed");
  h.create_product("MUG", 5);
  h.create_product("CUP", 5);
  h.clock.advance(Duration::seconds(2));
  ASSERT_EQ(h.receiver.received.size(), 4u);
  h.receiver.received.clear();

  ASSERT_TRUE(h.fake.set_stock("MUG", 1, 5).ok());  // same count
  ASSERT_EQ(h.call("PUT", "/products/1", json::object_of({{"name", "Renamed"}})).status, 200);
  h.clock.advance(Duration::seconds(2));
  EXPECT_TRUE(h.receiver.received.empty());

  int64_t order = h.create_order("LS-1", {{"MUG", 2}});
  h.clock.advance(Duration::seconds(2));
  EXPECT_TRUE(h.receiver.received.empty()) << "a concept order changes no stock";
  ASSERT_EQ(h.call("POST", "/orders/" + std::to_string(order) + "/process").status, 200);
  h.clock.advance(Duration::seconds(2));
  ASSERT_EQ(events_of(h.receiver.received), std::vector<std::string>{"products.free_stock_changed"});
  EXPECT_EQ(json::parse(h.receiver.received[0].body).at("data").at("stock").at(0).at("freestock"), 3);
  h.receiver.received.clear();

  // Shipping lowers stock and the reservation together: free stock stays 3.
  ASSERT_TRUE(h.fake.ship_order("LS-1", "T1", "postnl").ok());
  h.clock.advance(Duration::seconds(2));
  ASSERT_EQ(events_of(h.receiver.received), std::vector<std::string>{"products.stock_changed"});
  EXPECT_EQ(json::parse(h.receiver.received[0].body).at("data").at("stock").at(0).at("stock"), 3);
}

TEST(Deliveries, ShippingSendsShipmentStatusAndCompletedEvents) {
  Harness h;
  h.create_product("MUG", 5);
  int64_t order = h.create_order("LS-9", {{"MUG", 1}});
  for (const char* e : {"picklists.shipments.created", "orders.status_changed", "orders.completed"}) h.create_hook(e);
  ASSERT_EQ(h.call("POST", "/orders/" + std::to_string(order) + "/process").status, 200);
  h.clock.advance(Duration::seconds(2));
  ASSERT_EQ(events_of(h.receiver.received), std::vector<std::string>{"orders.status_changed"});
  bj::value processing = json::parse(h.receiver.received[0].body).at("data");
  EXPECT_EQ(processing.at("status"), "processing");
  EXPECT_EQ(processing.at("reference"), "LS-9");
  EXPECT_EQ(processing.at("products").at(0).at("productcode"), "MUG");
  h.receiver.received.clear();

  ASSERT_TRUE(h.fake.ship_order("LS-9", "3SXYZ", "dpd").ok());
  h.clock.advance(Duration::seconds(2));
  ASSERT_EQ(events_of(h.receiver.received),
            (std::vector<std::string>{"picklists.shipments.created", "orders.status_changed", "orders.completed"}));
  bj::value shipment = json::parse(h.receiver.received[0].body).at("data");
  EXPECT_EQ(shipment.at("idorder"), order);
  EXPECT_EQ(shipment.at("idpicklist"), 1);
  EXPECT_EQ(shipment.at("trackingcode"), "3SXYZ");
  EXPECT_EQ(shipment.at("carrier_key"), "dpd");
  EXPECT_EQ(json::parse(h.receiver.received[1].body).at("data").at("status"), "completed");
  EXPECT_EQ(json::parse(h.receiver.received[2].body).at("data").at("idorder"), order);
}

TEST(Deliveries, AReceiverMayCallTheFakeBackDuringADelivery) {
  Harness h;
  h.create_product("MUG", 5);
  h.create_hook("picklists.shipments.created");
  h.create_order("LS-2", {{"MUG", 1}});
  ASSERT_EQ(h.call("POST", "/orders/1/process").status, 200);
  ASSERT_TRUE(h.fake.ship_order("LS-2", "T", "postnl").ok());
  std::string seen;
  h.receiver.answer = [&](const Request& hook) -> TransportResult {
    int64_t idpicklist = json::parse(hook.body).at("data").at("idpicklist").as_int64();
    seen = h.call("GET", "/picklists/" + std::to_string(idpicklist) + "/shipments").body;
    return Response{200, {}, ""};
  };
  h.clock.advance(Duration::seconds(2));
  EXPECT_NE(seen.find("\"trackingcode\":\"T\""), std::string::npos) << seen;
}

TEST(Deliveries, FailedAttemptsAreRetriedOnTheConfiguredSchedule) {
  Harness h;
  h.create_hook("orders.created");
  int failures_left = 3;
  std::vector<Instant> attempts;
  h.receiver.answer = [&](const Request&) -> TransportResult {
    attempts.push_back(h.clock.now());
    if (failures_left-- > 0) {
      if (failures_left == 1) return TransportError{TransportErrorKind::timeout, "receiver too slow"};
      return Response{503, {}, ""};
    }
    return Response{202, {}, ""};
  };
  h.create_product("MUG");
  h.create_order("LS-3", {{"MUG", 1}});
  h.clock.advance(Duration::hours(20));
  Instant first = testing::kStart + Duration::seconds(2);
  ASSERT_EQ(attempts.size(), 4u) << "three failures, then delivered";
  EXPECT_EQ(attempts[0], first);
  EXPECT_EQ(attempts[1], first + Duration::minutes(1));
  EXPECT_EQ(attempts[2], first + Duration::minutes(3));
  EXPECT_EQ(attempts[3], first + Duration::minutes(8));
  auto log = h.fake.deliveries();
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0].outcome, "failed: HTTP 503");
  EXPECT_EQ(log[1].outcome.rfind("failed: timeout", 0), 0u) << log[1].outcome;
  EXPECT_EQ(log[3].outcome, "delivered");
  EXPECT_EQ(log[3].attempt, 3);
  EXPECT_EQ(h.fake.pending_deliveries(), 0u);
  // Every retry carries the same body.
  EXPECT_EQ(h.receiver.received.front().body, h.receiver.received.back().body);
}

TEST(Deliveries, FifteenRetriesOverAboutSeventeenHoursThenACompleteFailure) {
  Harness h;
  h.receiver.status = 500;
  int64_t idhook = h.create_hook("orders.created");
  h.create_product("MUG");
  h.create_order("LS-4", {{"MUG", 1}});
  h.clock.advance(Duration::hours(30));
  ASSERT_EQ(h.receiver.received.size(), 16u);
  auto log = h.fake.deliveries();
  Duration span = log.back().at - log.front().at;
  EXPECT_GE(span, Duration::hours(16));
  EXPECT_LE(span, Duration::hours(18));
  EXPECT_EQ(h.fake.hooks()[0].complete_failures.size(), 1u);
  EXPECT_EQ(Harness::body(h.call("GET", "/hooks/" + std::to_string(idhook))).at("active"), true);
}

TEST(Deliveries, FiveCompleteFailuresWithin24HoursDeactivateTheHook) {
  Harness h;
  h.receiver.status = 404;
  int64_t idhook = h.create_hook("orders.created");
  h.create_product("MUG");
  for (int i = 0; i < 4; ++i) h.create_order("LS-" + std::to_string(i), {{"MUG", 1}});
  h.clock.advance(Duration::hours(20));
  EXPECT_EQ(Harness::body(h.call("GET", "/hooks/" + std::to_string(idhook))).at("active"), true) << "4 are not enough";
  h.create_order("LS-5", {{"MUG", 1}});
  h.clock.advance(Duration::hours(20));
  EXPECT_EQ(Harness::body(h.call("GET", "/hooks/" + std::to_string(idhook))).at("active"), false);

  // An inactive hook gets nothing, until it is reactivated.
  size_t before = h.receiver.received.size();
  h.receiver.status = 200;
  h.create_order("LS-6", {{"MUG", 1}});
  h.clock.advance(Duration::hours(1));
  EXPECT_EQ(h.receiver.received.size(), before);
  ASSERT_EQ(h.call("POST", "/hooks/" + std::to_string(idhook) + "/reactivate").status, 200);
  h.create_order("LS-7", {{"MUG", 1}});
  h.clock.advance(Duration::hours(1));
  EXPECT_EQ(h.receiver.received.size(), before + 1);
}

TEST(Deliveries, CompleteFailuresFurtherApartThan24HoursDoNotDeactivate) {
  Harness h;
  h.receiver.status = 500;
  int64_t idhook = h.create_hook("orders.created");
  h.create_product("MUG");
  for (int i = 0; i < 5; ++i) {
    h.create_order("LS-" + std::to_string(i), {{"MUG", 1}});
    h.clock.advance(Duration::hours(7));
  }
  h.clock.advance(Duration::hours(20));
  EXPECT_EQ(h.fake.hooks()[0].complete_failures.size(), 4u);
  EXPECT_EQ(Harness::body(h.call("GET", "/hooks/" + std::to_string(idhook))).at("active"), true);
}

TEST(Deliveries, PendingRetriesOfADeletedHookAreNotSent) {
  Harness h;
  h.receiver.status = 500;
  h.create_hook("orders.created");
  h.create_product("MUG");
  h.create_order("LS-1", {{"MUG", 1}});
  h.clock.advance(Duration::seconds(2));
  ASSERT_EQ(h.receiver.received.size(), 1u);
  ASSERT_EQ(h.call("DELETE", "/hooks/1").status, 200);
  h.clock.advance(Duration::hours(20));
  EXPECT_EQ(h.receiver.received.size(), 1u);
  EXPECT_EQ(h.fake.deliveries().back().outcome, "hook inactive");
}

TEST(Deliveries, WebhookFaultsDropOrDuplicate) {
  Harness h;
  h.create_hook("products.free_stock_changed");
  h.fake.add_fault({.kind = FaultKind::webhook_drop, .match = "products.free_stock_changed", .count = 1});
  h.create_product("MUG", 1);
  h.clock.advance(Duration::seconds(2));
  EXPECT_TRUE(h.receiver.received.empty());
  EXPECT_EQ(h.fake.deliveries().back().outcome, "dropped (fault)");

  h.fake.add_fault({.kind = FaultKind::webhook_duplicate, .count = 1});
  ASSERT_TRUE(h.fake.set_stock("MUG", 1, 2).ok());
  h.clock.advance(Duration::seconds(2));
  ASSERT_EQ(h.receiver.received.size(), 2u);
  EXPECT_EQ(h.receiver.received[0].body, h.receiver.received[1].body);

  ASSERT_TRUE(h.fake.set_stock("MUG", 1, 3).ok());
  h.clock.advance(Duration::seconds(2));
  EXPECT_EQ(h.receiver.received.size(), 3u) << "the rules were used up";
  EXPECT_EQ(h.fake.faults().injected().at(FaultKind::webhook_drop), 1);
  EXPECT_EQ(h.fake.faults().injected().at(FaultKind::webhook_duplicate), 1);
}

TEST(Deliveries, DestroyingTheFakeCancelsItsTimers) {
  SimClock clock(testing::kStart);
  testing::Receiver receiver;
  {
    PicqerFake fake(clock, receiver, Random(7));
    ASSERT_TRUE(fake.add_product({.productcode = "MUG"}).ok());
    Harness h;  // only for the request shape
    ASSERT_EQ(fake.handle(h.request("POST", "/hooks", json::serialize(json::object_of({
                                        {"name", "n"}, {"event", "products.free_stock_changed"},
                                        {"address", "http://engine.test/x"}})))).value().status, 201);
    ASSERT_TRUE(fake.set_stock("MUG", 1, 4).ok());
    EXPECT_EQ(clock.pending(), 1u);
  }
  EXPECT_EQ(clock.pending(), 0u);
  clock.advance(Duration::hours(1));
  EXPECT_TRUE(receiver.received.empty());
}

TEST(Deliveries, PastTheQueueCapADeliveryIsDroppedAndLogged) {
  Harness h;
  h.create_hook("products.free_stock_changed");
  h.fake.set_max_pending_deliveries(2);
  h.create_product("MUG", 1);
  h.create_product("CUP", 1);
  h.create_product("BOWL", 1);  // a third waiting delivery: past the cap
  EXPECT_EQ(h.fake.pending_deliveries(), 2u);
  h.clock.advance(Duration::seconds(2));
  EXPECT_EQ(h.receiver.received.size(), 2u);
  int queue_full = 0;
  for (const auto& a : h.fake.deliveries()) queue_full += a.outcome.find("queue full") != std::string::npos;
  EXPECT_EQ(queue_full, 1);
}

}  // namespace
}  // namespace lpsync::fakes::picqer
