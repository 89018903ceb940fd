// URL shape, authentication, languages, formats, unknown resources and ids, the journal.
#include <gtest/gtest.h>

#include "fakes/lightspeed/api_path.h"
#include "fakes/lightspeed/test_support.h"

namespace lpsync::fakes::lightspeed::testing {
namespace {

TEST(ApiPath, StripsLanguageAndFormatIntoTheNeutralPath) {
  ApiPath p = parse_api_path("/en/variants/11.json");
  EXPECT_EQ(p.language, "en");
  EXPECT_EQ(p.segments, (std::vector<std::string>{"variants", "11"}));
  EXPECT_EQ(p.format, "json");
  EXPECT_EQ(p.neutral, "/variants/11");
  EXPECT_EQ(parse_api_path("/nl/orders/5/products/count.json").neutral, "/orders/5/products/count");
  ApiPath bare = parse_api_path("/orders.json");
  EXPECT_EQ(bare.language, "");
  EXPECT_EQ(bare.neutral, "/orders");
  EXPECT_EQ(parse_api_path("/en/orders.xml").format, "xml");
  EXPECT_EQ(parse_api_path("/en/orders").format, "");
}

TEST(Auth, MissingOrWrongCredentialsGet401WithTheErrorEnvelope) {
  Harness h;
  Response missing = h.send("GET", "/en/orders.json", "", false);
  EXPECT_EQ(missing.status, 401);
  ErrorEnvelope e = envelope_of(missing);
  EXPECT_EQ(e.code, 401);
  EXPECT_EQ(e.method, "GET");
  EXPECT_EQ(e.request, "/en/orders.json");
  EXPECT_FALSE(e.message.empty());
  EXPECT_FALSE(missing.headers.has("X-RateLimit-Limit"));

  Request wrong{"GET", "http://lightspeed.test/en/orders.json", {}, ""};
  wrong.headers.set("Authorization", basic_auth_header(h.fake.config().key, "not-the-secret"));
  EXPECT_EQ(h.raw(wrong).value().status, 401);
  wrong.headers.set("Authorization", basic_auth_header("another-key", h.fake.config().secret));
  EXPECT_EQ(h.raw(wrong).value().status, 401);
  wrong.headers.set("Authorization", "Bearer abc");
  EXPECT_EQ(h.raw(wrong).value().status, 401);
  EXPECT_EQ(h.get("/en/orders.json").status, 200);
}

TEST(Auth, DefaultCredentialsAre32CharactersAndExtraKeysCanBeAddedAndRevoked) {
  LightspeedConfig c;
  EXPECT_EQ(c.key.size(), 32u);
  EXPECT_EQ(c.secret.size(), 32u);
  Harness h;
  h.fake.add_api_key("second-key", "second-secret");
  Request r{"GET", "http://lightspeed.test/en/products.json", {}, ""};
  r.headers.set("Authorization", basic_auth_header("second-key", "second-secret"));
  EXPECT_EQ(h.raw(r).value().status, 200);
  EXPECT_TRUE(h.fake.revoke_api_key("second-key"));
  EXPECT_EQ(h.raw(r).value().status, 401);
}

TEST(Languages, UnknownOrMissingLanguageIs404) {
  LightspeedConfig c;
  c.languages = {"nl", "en"};
  Harness h(c);
  EXPECT_EQ(h.get("/nl/orders.json").status, 200);
  EXPECT_EQ(h.get("/en/orders.json").status, 200);
  for (std::string target : {"/de/orders.json", "/orders.json", "/eng/orders.json"}) {
    Response r = h.get(target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(envelope_of(r).message, "Unknown or inactive language.") << target;
  }
}

TEST(Routing, UnknownResourcesFormatsAndMethods) {
  Harness h;
  EXPECT_EQ(h.get("/en/customers.json").status, 404);
  EXPECT_EQ(h.get("/en/orders").status, 404);
  EXPECT_EQ(h.get("/en/orders.xml").status, 400);
  EXPECT_EQ(h.get("/en/orders/abc.json").status, 404);
  EXPECT_EQ(h.send("DELETE", "/en/orders.json").status, 405);
  EXPECT_EQ(h.put("/en/products.json", "{}").status, 405);
  Response r = h.send("POST", "/en/account/ratelimit.json", "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(envelope_of(r).code, 405);
}

TEST(Routing, ShopAndPermissionsAnswerWhatTheConfigSays) {
  LightspeedConfig config;
  config.shop_title = "Acme shoes";
  config.permissions = {{"orders", true, false}, {"products", false, false}};
  Harness h(config);
  Response shop = h.get("/en/shop.json");
  ASSERT_EQ(shop.status, 200);
  auto s = boost::json::parse(shop.body).as_object().at("shop").as_object();
  EXPECT_EQ(s.at("title"), "Acme shoes");
  EXPECT_EQ(s.at("id"), config.shop_id);
  Response p = h.get("/en/account/permissions.json");
  ASSERT_EQ(p.status, 200);
  auto perms = boost::json::parse(p.body).as_object().at("accountPermissions").as_object();
  EXPECT_EQ(perms.at("orders").as_object().at("read"), true);
  EXPECT_EQ(perms.at("orders").as_object().at("write"), false);
  EXPECT_EQ(perms.at("products").as_object().at("read"), false);
  EXPECT_EQ(h.send("POST", "/en/shop.json", "{}").status, 405);
}

TEST(Routing, UnknownIdsAre404OnEveryResource) {
  Harness h;
  int64_t pid = h.add_shirt();
  int64_t oid = h.add_order({line(11, 1)});
  for (const std::string& target : std::vector<std::string>{"/en/products/999.json", "/en/products/999/images.json",
                             "/en/products/" + std::to_string(pid) + "/images/999.json", "/en/variants/999.json",
                             "/en/variants/movements/999.json", "/en/orders/999.json", "/en/orders/999/products.json",
                             "/en/orders/" + std::to_string(oid) + "/products/999.json", "/en/shipments/999.json",
                             "/en/webhooks/999.json"}) {
    Response r = h.get(target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(envelope_of(r).request, target) << target;
  }
  EXPECT_EQ(h.put("/en/variants/999.json", R"({"variant":{"stockLevel":1}})").status, 404);
  EXPECT_EQ(h.put("/en/orders/999.json", R"({"order":{"memo":"x"}})").status, 404);
  EXPECT_EQ(h.put("/en/shipments/999.json", R"({"shipment":{"trackingCode":"x"}})").status, 404);
  EXPECT_EQ(h.send("DELETE", "/en/webhooks/999.json").status, 404);
}

TEST(Journal, RecordsEveryApiRequestWithItsNeutralPathButNotImageFetches) {
  Harness h;
  h.add_shirt();
  h.clock.advance(Duration::seconds(5));
  h.get("/en/variants.json?product=1");
  h.put("/en/variants/11.json", R"({"variant":{"stockLevel":3}})");
  h.send("GET", "/en/orders.json", "", false);
  std::string src = std::string(body_of(h.get("/en/products/1/images.json")).at("productImages").at(0).at("src").as_string());
  Request img{"GET", src, {}, ""};
  EXPECT_EQ(h.raw(img).value().status, 200);

  const auto& entries = h.fake.journal().entries();
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].path, "/variants");
  EXPECT_EQ(entries[0].query, "product=1");
  EXPECT_EQ(entries[0].at, kStart + Duration::seconds(5));
  EXPECT_EQ(entries[1].method, "PUT");
  EXPECT_EQ(entries[1].path, "/variants/11");
  EXPECT_EQ(entries[1].body, R"({"variant":{"stockLevel":3}})");
  EXPECT_EQ(entries[1].status, 200);
  EXPECT_EQ(entries[2].status, 401);
  EXPECT_EQ(h.fake.journal().writes("PUT /variants/*"), 1u);
  EXPECT_EQ(h.fake.journal().count("GET /products/*/images"), 1u);
}

}  // namespace
}  // namespace lpsync::fakes::lightspeed::testing
