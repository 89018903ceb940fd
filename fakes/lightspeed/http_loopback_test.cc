// The same handler mounted on a real HTTP server on 127.0.0.1 (port 0), driven by the
// live transport: auth, JSON, a write, images, rate headers and a dropped connection.
#include <gtest/gtest.h>

#include <mutex>

#include "engine/env/http_server.h"
#include "engine/env/httplib_transport.h"
#include "engine/env/json.h"
#include "fakes/lightspeed/images.h"
#include "fakes/lightspeed/test_support.h"

namespace lpsync::fakes::lightspeed::testing {
namespace {

class Loopback : public ::testing::Test {
 protected:
  Loopback() : server_(h_.fake.handler(), serialized_by(&mutex_)) {}

  static HttpServerOptions serialized_by(std::mutex* mutex) {
    HttpServerOptions options;
    options.serialize = mutex;
    return options;
  }

  Response send(const std::string& method, const std::string& target, const std::string& body = "") {
    Request r{method, server_.base_url() + target, {}, body};
    r.headers.set("Authorization", basic_auth_header(h_.fake.config().key, h_.fake.config().secret));
    if (!body.empty()) r.headers.set("Content-Type", "application/json");
    TransportResult result = client_.send(r);
    if (!result.ok()) return Response{0, {}, std::string(to_string(result.error().kind))};
    return result.value();
  }

  Harness h_;
  std::mutex mutex_;
  HttpServer server_;
  HttplibTransport client_;
};

TEST_F(Loopback, ServesTheApiOverRealHttp) {
  ASSERT_TRUE(server_.ok()) << server_.error();
  {
    std::lock_guard lock(mutex_);
    h_.add_shirt();
  }
  Response list = send("GET", "/en/variants.json?product=1");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.headers.get("Content-Type"), "application/json");
  EXPECT_EQ(list.headers.get("X-RateLimit-Remaining"), "299/2999/11999");
  EXPECT_EQ(body_of(list).at("variants").as_array().size(), 2u);

  Response put = send("PUT", "/en/variants/11.json", R"({"variant":{"stockLevel":4}})");
  ASSERT_EQ(put.status, 200) << put.body;
  {
    std::lock_guard lock(mutex_);
    EXPECT_EQ(h_.fake.variant(11)->stock_level, 4);
    EXPECT_EQ(h_.fake.journal().writes("PUT /variants/*"), 1u);
  }

  Request anonymous{"GET", server_.base_url() + "/en/orders.json", {}, ""};
  TransportResult denied = client_.send(anonymous);
  ASSERT_TRUE(denied.ok());
  EXPECT_EQ(denied.value().status, 401);
  EXPECT_EQ(envelope_of(denied.value()).code, 401);
}

TEST_F(Loopback, ImagesAreServedAsBytes) {
  ASSERT_TRUE(server_.ok()) << server_.error();
  LightspeedConfig c;
  {
    std::lock_guard lock(mutex_);
    h_.add_shirt();
  }
  // The fake writes image URLs under its configured origin; fetch the same path here.
  boost::json::value images = body_of(send("GET", "/en/products/1/images.json"));
  std::string src(images.at("productImages").at(1).at("src").as_string());
  std::string path = src.substr(c.origin.size());
  TransportResult image = client_.send(Request{"GET", server_.base_url() + path, {}, ""});
  ASSERT_TRUE(image.ok());
  EXPECT_EQ(image.value().status, 200);
  EXPECT_EQ(image.value().headers.get("Content-Type"), "image/png");
  EXPECT_EQ(image.value().body, image_bytes("b.png", false));
}

TEST_F(Loopback, AnIndeterminateFaultDropsTheConnectionAfterApplying) {
  ASSERT_TRUE(server_.ok()) << server_.error();
  {
    std::lock_guard lock(mutex_);
    h_.add_shirt();
    h_.fake.faults().add(FaultRule{FaultKind::indeterminate, "PUT /variants/*", 1, std::nullopt, kStart});
  }
  Response put = send("PUT", "/en/variants/11.json", R"({"variant":{"stockLevel":6}})");
  EXPECT_EQ(put.status, 0) << "no usable answer";
  std::lock_guard lock(mutex_);
  EXPECT_EQ(h_.fake.variant(11)->stock_level, 6);
}

}  // namespace
}  // namespace lpsync::fakes::lightspeed::testing
