// What every request goes through: URL prefix, User-Agent, basic auth, JSON, the journal,
// the rate limit and its headers.
#include <gtest/gtest.h>

#include "engine/env/json.h"
#include "fakes/picqer/test_harness.h"

namespace lpsync::fakes::picqer {
namespace {

using testing::Harness;
using testing::IsError;

TEST(FrontDoor, AnAuthenticatedRequestIsAnswered) {
  Harness h;
  Response r = h.call("GET", "/warehouses");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers.get("Content-Type"), "application/json");
  EXPECT_EQ(Harness::body(r).as_array().size(), 1u);
}

TEST(FrontDoor, RefusesARequestWithoutUserAgent) {
  Harness h;
  for (std::string agent : {"", "   "}) {
    Request req = h.request("GET", "/products");
    if (agent.empty()) req.headers.remove("User-Agent"); else req.headers.set("User-Agent", agent);
    Response r = h.fake.handle(req).value();
    EXPECT_TRUE(IsError(r, 400, 5));
    EXPECT_NE(r.body.find("User-Agent"), std::string::npos) << r.body;
  }
}

TEST(FrontDoor, NeedsBasicAuthWithTheApiKeyAsUserName) {
  Harness h;
  Request missing = h.request("GET", "/products");
  missing.headers.remove("Authorization");
  Response r = h.fake.handle(missing).value();
  EXPECT_TRUE(IsError(r, 401, 1));
  EXPECT_TRUE(r.headers.has("WWW-Authenticate"));
  EXPECT_FALSE(r.headers.has("X-RateLimit-Remaining"));

  Request wrong = h.request("GET", "/products");
  wrong.headers.set("Authorization", basic_auth_header("not-the-key", "X"));
  EXPECT_TRUE(IsError(h.fake.handle(wrong).value(), 401, 1));

  Request bearer = h.request("GET", "/products");
  bearer.headers.set("Authorization", "Bearer " + h.fake.config().api_key);
  EXPECT_TRUE(IsError(h.fake.handle(bearer).value(), 401, 1));

  // The password is ignored: empty (as Pinelab sends it) or anything else.
  for (std::string password : {"", "X", "whatever"}) {
    Request any = h.request("GET", "/products");
    any.headers.set("Authorization", basic_auth_header(h.fake.config().api_key, password));
    EXPECT_EQ(h.fake.handle(any).value().status, 200) << password;
  }
}

TEST(FrontDoor, TheApiKeyIsConfigurable) {
  Harness h(PicqerConfig{.api_key = "other-key"});
  EXPECT_EQ(h.call("GET", "/products").status, 200);
  Request old = h.request("GET", "/products");
  old.headers.set("Authorization", basic_auth_header("picqer-test-key", ""));
  EXPECT_TRUE(IsError(h.fake.handle(old).value(), 401, 1));
}

TEST(FrontDoor, OnlyServesUnderApiV1) {
  Harness h;
  Request req = h.request("GET", "/products");
  req.url = h.fake.config().origin + "/api/v2/products";
  EXPECT_TRUE(IsError(h.fake.handle(req).value(), 404, 8));
  EXPECT_TRUE(IsError(h.call("GET", "/customers"), 404, 8));
  EXPECT_TRUE(IsError(h.call("PATCH", "/products"), 404, 8));
  EXPECT_TRUE(IsError(h.call("GET", ""), 404, 8));
}

TEST(FrontDoor, MalformedJsonIsCode22) {
  Harness h;
  for (std::string body : {"{", "{\"name\": }", "not json", "[1,2"}) {
    EXPECT_TRUE(IsError(h.call("POST", "/products", body), 400, 22)) << body;
  }
  // Nothing was created.
  EXPECT_TRUE(h.fake.products().empty());
}

TEST(FrontDoor, OnlyJsonBodiesAreAccepted) {
  Harness h;
  Request form = h.request("POST", "/products", "productcode=A&name=B");
  form.headers.set("Content-Type", "application/x-www-form-urlencoded");
  EXPECT_TRUE(IsError(h.fake.handle(form).value(), 400, 22));
}

TEST(FrontDoor, AMistypedFieldIsCode5NamingThePath) {
  Harness h;
  Response r = h.call("POST", "/products", R"({"productcode": "A", "name": "B", "price": "cheap", "idvatgroup": 1})");
  EXPECT_TRUE(IsError(r, 400, 5));
  EXPECT_NE(r.body.find("$.price"), std::string::npos) << r.body;
  EXPECT_TRUE(IsError(h.call("POST", "/products", "[1]"), 400, 5));
}

TEST(FrontDoor, JournalsEveryRequestWithTheNeutralPath) {
  Harness h;
  h.call("GET", "/products?offset=0");
  Request anonymous = h.request("POST", "/orders/5/process");
  anonymous.headers.remove("Authorization");
  h.fake.handle(anonymous);
  const auto& entries = h.fake.journal().entries();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].method, "GET");
  EXPECT_EQ(entries[0].path, "/products");
  EXPECT_EQ(entries[0].query, "offset=0");
  EXPECT_EQ(entries[0].status, 200);
  EXPECT_EQ(entries[1].path, "/orders/5/process");
  EXPECT_EQ(entries[1].status, 401);
  EXPECT_EQ(h.fake.journal().count("POST /orders/*/process"), 1u);
  EXPECT_EQ(h.fake.journal().writes(), 1u);
  EXPECT_EQ(entries[0].at, testing::kStart);
}

}  // namespace
}  // namespace lpsync::fakes::picqer
