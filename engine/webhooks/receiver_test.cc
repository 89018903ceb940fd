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

}  // namespace
}  // namespace lpsync
