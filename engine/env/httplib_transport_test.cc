// The live transport against a cpp-httplib server on 127.0.0.1 (port 0), over http and https.
#include "engine/env/httplib_transport.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "engine/env/http_server.h"
#include "engine/env/test_tls.h"

namespace lpsync {
namespace {

TransportResult echo(const Request& r) {
  if (r.url.find("/drop") != std::string::npos) return TransportError{TransportErrorKind::reset, "dropped"};
  Response out;
  out.status = r.method == "POST" ? 201 : 200;
  out.headers.add("X-RateLimit-Remaining", "299/2999/11999");
  out.body = r.method + " " + parse_url(r.url)->target() + " " + r.headers.get("X-Test").value_or("") + " " + r.body;
  return out;
}

std::string tmpdir() {
  const char* d = std::getenv("TEST_TMPDIR");
  return d ? d : "/tmp";
}

TEST(HttplibTransport, HttpRoundTrip) {
  HttpServer server(echo);
  ASSERT_TRUE(server.ok()) << server.error();
  HttplibTransport transport;
  Request req{"POST", server.base_url() + "/api/v1/orders?reference=A%201", {{"X-Test", "yes"}}, "{\"a\":1}"};
  auto result = transport.send(req);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result.value().status, 201);
  EXPECT_EQ(result.value().body, "POST /api/v1/orders?reference=A%201 yes {\"a\":1}");
  EXPECT_EQ(result.value().headers.get("x-ratelimit-remaining"), "299/2999/11999");
  // The connection is kept and reused.
  auto again = transport.send({"GET", server.base_url() + "/x", {}, ""});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().body, "GET /x  ");
}

TEST(HttplibTransport, HandlerErrorsBecomeDroppedConnections) {
  HttpServer server(echo);
  ASSERT_TRUE(server.ok());
  HttplibTransport transport;
  auto result = transport.send({"GET", server.base_url() + "/drop", {}, ""});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().kind, TransportErrorKind::refused);  // the request reached the server
  auto after = transport.send({"GET", server.base_url() + "/fine", {}, ""});
  ASSERT_TRUE(after.ok());
}

TEST(HttplibTransport, NothingListeningIsRefused) {
  int port;
  {
    HttpServer server(echo);
    port = server.port();
  }
  HttplibTransport transport({.connect_timeout = Duration::seconds(2)});
  auto result = transport.send({"GET", "http://127.0.0.1:" + std::to_string(port) + "/", {}, ""});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, TransportErrorKind::refused);
}

TEST(HttplibTransport, HttpsWithTheTestCa) {
  auto tls = testing::make_test_tls(tmpdir());
  HttpServer server(echo, {.cert_file = tls.cert_file, .key_file = tls.key_file});
  ASSERT_TRUE(server.ok()) << server.error();
  EXPECT_EQ(server.base_url().substr(0, 8), "https://");

  HttplibTransport trusting({.ca_file = tls.ca_file});
  auto ok = trusting.send({"GET", server.base_url() + "/secure", {}, ""});
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok.value().body, "GET /secure  ");

  // Verification is on by default: without the test CA the certificate is refused.
  HttplibTransport strict;
  auto refused = strict.send({"GET", server.base_url() + "/secure", {}, ""});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, TransportErrorKind::refused);
  EXPECT_NE(refused.error().message.find("certificate"), std::string::npos) << refused.error().message;
}

}  // namespace
}  // namespace lpsync
