#include "tools/live/redactor.h"

#include <gtest/gtest.h>

namespace lpsync::live {
namespace {

TEST(Redactor, KnownSecretsGoEverywhere) {
  Redactor r;
  r.add_secret("picqer-key", "pq-key-123456");
  r.add_secret("webhook-token", "tok3n-abcdef");
  EXPECT_EQ(r.text("a pq-key-123456 b"), "a [redacted:picqer-key] b");
  EXPECT_EQ(r.url("https://x.test/webhooks/lightspeed/tok3n-abcdef?a=1"),
            "https://x.test/webhooks/lightspeed/[redacted:webhook-token]?a=1");
  Request req{"POST", "https://x.test/hooks?key=pq-key-123456&page=2",
              {{"Authorization", "Basic cHEta2V5Olg="}, {"User-Agent", "lpsync"}, {"X-Api-Key", "zzz"}},
              R"({"address":"https://x.test/webhooks/lightspeed/tok3n-abcdef","secret":"s3cr3t","nested":{"token":"t"}})"};
  Request out = r.request(req);
  EXPECT_EQ(out.url, "https://x.test/hooks?key=[redacted]&page=2");
  EXPECT_EQ(out.headers.get("Authorization"), "[redacted]");
  EXPECT_EQ(out.headers.get("X-Api-Key"), "[redacted]");
  EXPECT_EQ(out.headers.get("User-Agent"), "lpsync");
  EXPECT_EQ(out.body,
            R"({"address":"https://x.test/webhooks/lightspeed/[redacted:webhook-token]","secret":"[redacted]",)"
            R"("nested":{"token":"[redacted]"}})");
  EXPECT_EQ(r.request(out).body, out.body) << "idempotent";
}

TEST(Redactor, ThirtyTwoHexWordsOnly) {
  Redactor r;
  EXPECT_EQ(r.text("key=0123456789abcdef0123456789ABCDEF;"), "key=[redacted:hex];");
  std::string longer = "0123456789abcdef0123456789abcdef01";
  EXPECT_EQ(r.text(longer), longer) << "a 34-hex word is not a key";
  std::string inside = "x0123456789abcdef0123456789abcdef";
  EXPECT_EQ(r.text(inside), inside) << "part of a longer word";
}

TEST(Redactor, PersonalDataOnRequest) {
  std::string order =
      R"({"order":{"number":"ORD1","email":"ann@example.nl","firstname":"Ann","addressShippingStreet":"Damrak",)"
      R"("addressShippingCountry":{"code":"nl"},"paymentStatus":"paid","customer":{"resource":{"id":5}}}})";
  Redactor keep;
  EXPECT_EQ(keep.body(order), order) << "unchanged bodies keep their text";
  Redactor personal(true);
  std::string out = personal.body(order);
  EXPECT_EQ(out.find("ann@example.nl"), std::string::npos) << out;
  EXPECT_EQ(out.find("Damrak"), std::string::npos) << out;
  EXPECT_EQ(out.find("\"Ann\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"paymentStatus\":\"paid\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"code\":\"nl\""), std::string::npos) << "countries stay: " << out;
  EXPECT_NE(out.find("\"customer\":{\"resource\":{\"id\":\"[personal]\"}}"), std::string::npos) << out;
  std::string picqer = R"({"reference":"ORD1","deliveryname":"Ann de Vries","deliverycountry":"NL","telephone":"+31"})";
  EXPECT_EQ(personal.body(picqer),
            R"({"reference":"ORD1","deliveryname":"[personal]","deliverycountry":"NL","telephone":"[personal]"})");
  EXPECT_EQ(personal.body(R"({"webhook":{"address":"https://x.test/hooks"}})"),
            R"({"webhook":{"address":"https://x.test/hooks"}})")
      << "a webhook's address is not a customer's";
}

}  // namespace
}  // namespace lpsync::live
