#include "fakes/picqer/test_harness.h"

#include <gtest/gtest.h>

#include "engine/env/json.h"

namespace lpsync::fakes::picqer::testing {

TransportResult Receiver::send(const Request& request) {
  received.push_back(request);
  if (answer) return answer(request);
  Response r;
  r.status = status;
  return r;
}

Harness::Harness(PicqerConfig config) : fake(clock, receiver, Random(42), std::move(config)) {}

Request Harness::request(const std::string& method, const std::string& target, const std::string& body) const {
  Request r;
  r.method = method;
  r.url = fake.config().origin + "/api/v1" + target;
  r.headers.set("User-Agent", "lpsync-tests (https://lpsync.test - dev@lpsync.test)");
  r.headers.set("Authorization", basic_auth_header(fake.config().api_key, "X"));
  r.headers.set("Accept", "application/json");
  if (!body.empty()) r.headers.set("Content-Type", "application/json");
  r.body = body;
  return r;
}

Response Harness::call(const std::string& method, const std::string& target, const std::string& body) {
  TransportResult result = fake.handle(request(method, target, body));
  if (!result.ok()) {
    ADD_FAILURE() << method << " " << target << ": transport error " << result.error().message;
    return Response{};
  }
  return result.value();
}

Response Harness::call(const std::string& method, const std::string& target, const boost::json::object& body) {
  return call(method, target, json::serialize(body));
}

boost::json::value Harness::body(const Response& r) { return json::parse(r.body); }

int64_t Harness::create_product(const std::string& productcode, int64_t stock, int64_t idwarehouse) {
  Response r = call("POST", "/products",
                    json::object_of({{"productcode", productcode}, {"name", "Product " + productcode},
                                     {"price", 10.5}, {"idvatgroup", 1}}));
  EXPECT_EQ(r.status, 201) << r.body;
  if (r.status != 201) return 0;
  int64_t id = body(r).at("idproduct").as_int64();
  if (stock != 0) {
    Response s = call("POST", "/products/" + std::to_string(id) + "/stock/" + std::to_string(idwarehouse),
                      json::object_of({{"amount", stock}, {"reason", "test setup"}}));
    EXPECT_EQ(s.status, 200) << s.body;
  }
  return id;
}

int64_t Harness::create_order(const std::string& reference, const std::vector<std::pair<std::string, int64_t>>& lines) {
  boost::json::array products;
  for (const auto& [code, amount] : lines) products.push_back(json::object_of({{"productcode", code}, {"amount", amount}}));
  Response r = call("POST", "/orders",
                    json::object_of({{"reference", reference}, {"deliveryname", "A. Customer"},
                                     {"deliverycountry", "NL"}, {"invoicename", "A. Customer"},
                                     {"products", std::move(products)}}));
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? body(r).at("idorder").as_int64() : 0;
}

int64_t Harness::create_hook(const std::string& event, const std::string& secret, const std::string& address) {
  boost::json::object hook = json::object_of({{"name", "hook for " + event}, {"event", event}, {"address", address}});
  if (!secret.empty()) hook["secret"] = secret;
  Response r = call("POST", "/hooks", hook);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? body(r).at("idhook").as_int64() : 0;
}

::testing::AssertionResult IsError(const Response& r, int status, int code) {
  if (r.status != status) return ::testing::AssertionFailure() << "status " << r.status << ", not " << status << ": " << r.body;
  boost::json::value v;
  try {
    v = json::parse(r.body);
  } catch (const json::Error& e) {
    return ::testing::AssertionFailure() << "body is not JSON: " << r.body;
  }
  const auto* o = v.if_object();
  if (!o || !o->contains("error") || o->at("error") != true || !o->contains("error_message") ||
      !o->at("error_message").is_string()) {
    return ::testing::AssertionFailure() << "not a Picqer error body: " << r.body;
  }
  if (!o->contains("error_code") || o->at("error_code") != code) {
    return ::testing::AssertionFailure() << "error_code is not " << code << ": " << r.body;
  }
  if (r.headers.get("Content-Type") != "application/json") return ::testing::AssertionFailure() << "not application/json";
  return ::testing::AssertionSuccess();
}

}  // namespace lpsync::fakes::picqer::testing
