#include "engine/env/http.h"

#include <gtest/gtest.h>

#include "engine/env/direct_transport.h"

namespace lpsync {
namespace {

TEST(Http, HeadersAreCaseInsensitive) {
  Headers h{{"Content-Type", "application/json"}};
  EXPECT_EQ(h.get("content-type"), "application/json");
  h.set("CONTENT-TYPE", "text/plain");
  EXPECT_EQ(h.fields().size(), 1u);
  EXPECT_EQ(h.get("Content-Type"), "text/plain");
  h.remove("content-TYPE");
  EXPECT_FALSE(h.has("Content-Type"));
}

TEST(Http, ParsesUrls) {
  auto u = parse_url("https://api.webshopapp.com/en/orders.json?page=2&limit=250");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->scheme, "https");
  EXPECT_EQ(u->host, "api.webshopapp.com");
  EXPECT_EQ(u->port, 443);
  EXPECT_EQ(u->origin, "https://api.webshopapp.com");
  EXPECT_EQ(u->path, "/en/orders.json");
  EXPECT_EQ(u->query, "page=2&limit=250");
  auto local = parse_url("http://127.0.0.1:8080");
  ASSERT_TRUE(local);
  EXPECT_EQ(local->port, 8080);
  EXPECT_EQ(local->path, "/");
  EXPECT_FALSE(parse_url("ftp://x/y"));
  EXPECT_FALSE(parse_url("https://key:secret@api.webshopapp.com/en"));  // credentials never go in URLs
  EXPECT_FALSE(parse_url("http://host:99999/"));
}

TEST(Http, QueryStringsRoundTrip) {
  QueryParams p{{"updated_at_min", "2026-11-02 08:00:00"}, {"a&b", "c=d"}};
  std::string q = encode_query(p);
  EXPECT_EQ(q, "updated_at_min=2026-11-02%2008%3A00%3A00&a%26b=c%3Dd");
  EXPECT_EQ(parse_query(q), p);
  EXPECT_EQ(query_value(parse_query("x=1&inactive&x=2"), "x"), "1");
  EXPECT_EQ(query_value(parse_query("inactive"), "inactive"), "");
  EXPECT_EQ(percent_decode("a+b%2"), "a b%2");
}

TEST(Http, BasicAuth) {
  std::string h = basic_auth_header("key", "se:cret");
  EXPECT_EQ(h, "Basic a2V5OnNlOmNyZXQ=");
  auto parsed = parse_basic_auth(h);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->first, "key");
  EXPECT_EQ(parsed->second, "se:cret");
  EXPECT_FALSE(parse_basic_auth("Bearer abc"));
  EXPECT_FALSE(parse_basic_auth("Basic !!!"));
}

TEST(DirectTransport, RoutesByOriginAndRefusesTheRest) {
  DirectTransport t;
  t.route("http://shop.test", [](const Request& r) {
    return TransportResult(Response{200, {}, r.method + " " + parse_url(r.url)->target()});
  });
  auto ok = t.send({"GET", "http://shop.test/en/orders.json?page=1", {}, ""});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().body, "GET /en/orders.json?page=1");
  auto refused = t.send({"GET", "http://other.test/", {}, ""});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, TransportErrorKind::refused);
}

}  // namespace
}  // namespace lpsync

namespace lpsync {
namespace {

TEST(HostPort, ReadsHostAndPortAndRefusesTheRest) {
  auto v4 = parse_host_port("0.0.0.0:8080");
  ASSERT_TRUE(v4);
  EXPECT_EQ(v4->host, "0.0.0.0");
  EXPECT_EQ(v4->port, 8080);
  auto v6 = parse_host_port("[::1]:0");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, 0);
  for (const char* bad : {"8080", ":8080", "host:", "host:80x", "host:65536", "host:123456"}) {
    EXPECT_FALSE(parse_host_port(bad)) << bad;
  }
}

}  // namespace
}  // namespace lpsync
