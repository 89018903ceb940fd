// The webhook receiver on its own: the Lightspeed path token, and X-Signature checked on top
// of it when a delivery carries one.
#include "engine/webhooks/receiver.h"

#include <gtest/gtest.h>

#include "engine/env/crypto.h"

namespace lpsync {
namespace {

constexpr char kToken[] = "tok-3f9a";
constexpr char kSecret[] = "app-secret-77c1";
constexpr char kBody[] = R"({"order":{"id":5,"number":"ORD00005"}})";

struct Counted {
  WebhookTargets targets;
  int orders_changed = 0;
};

Counted lightspeed_targets() {
  Counted c;
  c.targets.lightspeed_token = kToken;
  c.targets.lightspeed_signing_secret = kSecret;
  return c;
}

Request delivery(std::string token, std::optional<std::string> signature, std::string body = kBody) {
  Request r{"POST", "http://engine.test/webhooks/lightspeed/" + token, {}, std::move(body)};
  if (signature) r.headers.set("X-Signature", *signature);
  return r;
}

int status_of(Counted& c, const Request& r) {
  c.targets.lightspeed_order_changed = [&c] { ++c.orders_changed; };
  TransportResult result = receive_webhook(r, c.targets);
  EXPECT_TRUE(result.ok());
  return result.value().status;
}

TEST(LightspeedReceiver, AGoodSignatureWithTheTokenIsQueued) {
  Counted c = lightspeed_targets();
  EXPECT_EQ(status_of(c, delivery(kToken, lightspeed_signature(kBody, kSecret))), 200);
  EXPECT_EQ(c.orders_changed, 1);
}

TEST(LightspeedReceiver, AWrongSignatureIsRefusedEvenWithTheToken) {
  Counted c = lightspeed_targets();
  Request forged = delivery(kToken, lightspeed_signature(kBody, "guessed-secret"));
  TransportResult r = receive_webhook(forged, c.targets);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().status, 401);
  EXPECT_NE(r.value().body.find("X-Signature does not match"), std::string::npos) << r.value().body;
  EXPECT_EQ(r.value().body.find(kSecret), std::string::npos) << "the secret never appears in an answer";
  // Signed for another body (a replayed signature on a changed payload).
  EXPECT_EQ(status_of(c, delivery(kToken, lightspeed_signature(kBody, kSecret), R"({"order":{"id":6}})")), 401);
  EXPECT_EQ(status_of(c, delivery(kToken, std::string(""))), 401);
  EXPECT_EQ(c.orders_changed, 0);
}

TEST(LightspeedReceiver, WithoutASignatureTheTokenDecides) {
  Counted c = lightspeed_targets();
  EXPECT_EQ(status_of(c, delivery(kToken, std::nullopt)), 200);
  EXPECT_EQ(status_of(c, delivery("tok-wrong", std::nullopt)), 401);
  EXPECT_EQ(status_of(c, delivery("tok-wrong", lightspeed_signature(kBody, kSecret))), 401)
      << "a good signature does not stand in for the token";
  EXPECT_EQ(c.orders_changed, 1);
}

TEST(LightspeedReceiver, WithoutAKnownSecretASignatureCannotBeCheckedAndTheTokenDecides) {
  Counted c = lightspeed_targets();
  c.targets.lightspeed_signing_secret.clear();
  EXPECT_EQ(status_of(c, delivery(kToken, std::string("0123456789abcdef0123456789abcdef"))), 200);
  EXPECT_EQ(c.orders_changed, 1);
}

// A free-stock notice hands on the product's stock as told, or nothing when the payload
// has no readable stock list (then the stock job reads it from the API, as before).
std::optional<std::optional<std::vector<pq::StockRow>>> noticed_stock(const std::string& data) {
  std::string body = R"({"event":"products.free_stock_changed","data":)" + data + "}";
  WebhookTargets t;
  t.picqer_secret = [] { return std::string("hook-secret"); };
  std::optional<std::optional<std::vector<pq::StockRow>>> seen;
  t.free_stock_changed = [&](int64_t idproduct, const std::optional<std::vector<pq::StockRow>>& stock) {
    EXPECT_EQ(idproduct, 7);
    seen = stock;
  };
  Request r{"POST", "http://engine.test/webhooks/picqer", {}, body};
  r.headers.set("X-Picqer-Signature", picqer_signature(body, "hook-secret"));
  TransportResult result = receive_webhook(r, t);
  EXPECT_TRUE(result.ok() && result.value().status == 200);
  return seen;
}

TEST(PicqerReceiver, AFreeStockNoticeHandsOnTheStockItCarries) {
  auto seen = noticed_stock(
      R"({"idproduct":7,"stock":[{"idwarehouse":1,"stock":9,"reserved":2,"freestock":7},{"idwarehouse":2,"freestock":"3"}]})");
  ASSERT_TRUE(seen && *seen);
  ASSERT_EQ((*seen)->size(), 2u);
  EXPECT_EQ((**seen)[0], (pq::StockRow{1, 7, "", 9, 2, 7}));
  EXPECT_EQ((**seen)[1].freestock, 3);
  // No stock list, or one that cannot be read: the product is still marked, without figures.
  for (const char* data : {R"({"idproduct":7})", R"({"idproduct":7,"stock":[{"freestock":7}]})",
                           R"({"idproduct":7,"stock":"none"})"}) {
    seen = noticed_stock(data);
    ASSERT_TRUE(seen) << data;
    EXPECT_FALSE(*seen) << data;
  }
}

}  // namespace
}  // namespace lpsync
