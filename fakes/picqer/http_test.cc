// The fake mounted unchanged on a real HTTP server on 127.0.0.1 (port 0), driven with the live
// transport; webhooks leave through a live transport to a second loopback server.
#include <gtest/gtest.h>

#include <mutex>

#include "engine/env/crypto.h"
#include "engine/env/http_server.h"
#include "engine/env/httplib_transport.h"
#include "engine/env/json.h"
#include "fakes/picqer/picqer_fake.h"
#include "fakes/picqer/test_harness.h"

namespace lpsync::fakes::picqer {
namespace {

struct Received {
  std::mutex mu;
  std::vector<Request> requests;
};

class OverHttp : public ::testing::Test {
 protected:
  OverHttp()
      : clock(testing::kStart),
        receiver([this](const Request& r) -> TransportResult {
          std::lock_guard lock(received.mu);
          received.requests.push_back(r);
          return Response{200, {}, ""};
        }),
        fake(clock, webhook_transport, Random(3)),
        server(fake.handler(), {.serialize = &serialize}) {}

  Request request(const std::string& method, const std::string& target, const std::string& body = "") {
    Request r{method, server.base_url() + "/api/v1" + target, {}, body};
    r.headers.set("User-Agent", "lpsync-http-test (dev@lpsync.test)");
    r.headers.set("Authorization", basic_auth_header(fake.config().api_key, ""));
    if (!body.empty()) r.headers.set("Content-Type", "application/json");
    return r;
  }

  Response send(const Request& r) {
    TransportResult result = client.send(r);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.ok() ? result.value() : Response{};
  }

  SimClock clock;
  Received received;
  HttpServer receiver;
  HttplibTransport webhook_transport;
  PicqerFake fake;
  std::mutex serialize;
  HttpServer server;
  HttplibTransport client;
};

TEST_F(OverHttp, ResourcesErrorsAndHeadersTravelOverTheWire) {
  ASSERT_TRUE(server.ok()) << server.error();
  Response created = send(request("POST", "/products",
                                  R"({"productcode":"NET 1","name":"Net","price":2.5,"idvatgroup":1})"));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.headers.get("Content-Type"), "application/json");
  EXPECT_EQ(created.headers.get("X-RateLimit-Limit"), "500");
  EXPECT_EQ(created.headers.get("X-RateLimit-Remaining"), "499");

  Response found = send(request("GET", "/products?productcode=NET%201"));
  ASSERT_EQ(found.status, 200);
  EXPECT_EQ(json::parse(found.body).at(0).at("idproduct"), 1);

  Request anonymous = request("GET", "/products");
  anonymous.headers.remove("Authorization");
  Response refused = send(anonymous);
  EXPECT_TRUE(testing::IsError(refused, 401, 1));

  EXPECT_TRUE(testing::IsError(send(request("POST", "/orders", "{oops")), 400, 22));
  EXPECT_EQ(fake.journal().size(), 4u);
  EXPECT_EQ(fake.journal().entries()[1].path, "/products");
  EXPECT_EQ(fake.journal().entries()[1].query, "productcode=NET%201");
}

TEST_F(OverHttp, AConnectionFaultDropsTheAnswer) {
  ASSERT_TRUE(server.ok()) << server.error();
  fake.add_fault({.kind = FaultKind::indeterminate, .match = "POST /products", .count = 1});
  TransportResult r = client.send(request("POST", "/products", R"({"productcode":"A","name":"A","price":1,"idvatgroup":1})"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().kind, TransportErrorKind::refused);
  EXPECT_TRUE(fake.product_by_code("A").has_value()) << "applied before the connection dropped";
  EXPECT_EQ(send(request("GET", "/products")).status, 200) << "the server keeps serving";
}

TEST_F(OverHttp, WebhooksAreDeliveredOverHttpWithAVerifiableSignature) {
  ASSERT_TRUE(server.ok()) << server.error();
  ASSERT_TRUE(receiver.ok()) << receiver.error();
  std::string hook = json::serialize(json::object_of({{"name", "stock"}, {"event", "products.free_stock_changed"},
                                                      {"address", receiver.base_url() + "/picqer/webhook"},
                                                      {"secret", "wire-secret"}}));
  ASSERT_EQ(send(request("POST", "/hooks", hook)).status, 201);
  ASSERT_TRUE(fake.add_product({.productcode = "W", .stock = {{1, 3}}}).ok());
  clock.advance(Duration::seconds(5));
  std::lock_guard lock(received.mu);
  ASSERT_EQ(received.requests.size(), 1u);
  const Request& delivered = received.requests[0];
  EXPECT_NE(delivered.url.find("/picqer/webhook"), std::string::npos);
  EXPECT_EQ(delivered.headers.get("X-Picqer-Signature"), base64_encode(hmac_sha256("wire-secret", delivered.body)));
  EXPECT_EQ(json::parse(delivered.body).at("data").at("stock").at(0).at("freestock"), 3);
  EXPECT_EQ(fake.deliveries().back().outcome, "delivered");
}

}  // namespace
}  // namespace lpsync::fakes::picqer
