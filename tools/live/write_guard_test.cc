#include "tools/live/write_guard.h"

#include <gtest/gtest.h>

#include "engine/env/json.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

// What reaches the real APIs: recorded, answered with canned bodies.
class Upstream final : public Transport {
 public:
  TransportResult send(const Request& r) override {
    sent.push_back(r);
    if (r.url.find("/warehouses/1/stock") != std::string::npos) {
      return Response{200, {}, R"([{"idproduct":5,"productcode":"SHIRT","stock":7,"reserved":0,"freestock":7}])"};
    }
    return Response{200, {}, "[]"};
  }
  std::vector<Request> sent;
};

constexpr char kLs[] = "https://api.webshopapp.com/nl";
constexpr char kPq[] = "https://acme.picqer.com/api/v1";

Request post(const std::string& url, const bj::value& body) {
  return Request{"POST", url, {{"Content-Type", "application/json"}}, json::serialize(body)};
}

TEST(WriteGuard, OnlyGetsLeaveAndEveryWriteIsWrittenDown) {
  Upstream up;
  WriteGuard guard(up, kLs, kPq);
  EXPECT_TRUE(guard.send(Request{"GET", std::string(kLs) + "/orders.json", {}, ""}).ok());
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH"}) {
    TransportResult r = guard.send(Request{method, std::string(kLs) + "/variants/11.json", {}, R"({"variant":{}})"});
    ASSERT_TRUE(r.ok());
    EXPECT_LT(r.value().status, 300) << method;
  }
  ASSERT_EQ(up.sent.size(), 1u);
  EXPECT_EQ(up.sent[0].method, "GET");
  ASSERT_EQ(guard.writes().size(), 4u);
  EXPECT_EQ(guard.writes()[1].api, "lightspeed");
  EXPECT_EQ(guard.writes()[1].method, "PUT");
  EXPECT_EQ(guard.writes()[1].target, "/nl/variants/11.json");
  EXPECT_EQ(guard.reads_sent(), 1);
}

TEST(WriteGuard, AnswersWritesAsTheApiWouldWithPlannedIds) {
  Upstream up;
  WriteGuard guard(up, kLs, kPq);
  TransportResult product = guard.send(post(std::string(kPq) + "/products", {{"productcode", "MUG"}, {"name", "Mug"}}));
  bj::value p = json::parse(product.value().body);
  int64_t idproduct = p.at("idproduct").as_int64();
  EXPECT_TRUE(WriteGuard::is_planned_id(idproduct));
  EXPECT_EQ(p.at("productcode").as_string(), "MUG");
  guard.send(post(std::string(kPq) + "/products/" + std::to_string(idproduct) + "/stock/1", {{"amount", 8}}));
  guard.send(post(std::string(kPq) + "/products/" + std::to_string(idproduct) + "/images", {{"image", "x"}}));

  TransportResult order = guard.send(post(std::string(kPq) + "/orders",
                                          {{"reference", "ORD1"},
                                           {"products", bj::array{{{"idproduct", idproduct}, {"amount", 1}},
                                                                  {{"idproduct", 5}, {"amount", 2}}}}}));
  int64_t idorder = json::parse(order.value().body).at("idorder").as_int64();
  EXPECT_TRUE(WriteGuard::is_planned_id(idorder));
  TransportResult processed = guard.send(post(std::string(kPq) + "/orders/" + std::to_string(idorder) + "/process", {}));
  EXPECT_EQ(json::parse(processed.value().body).at("status").as_string(), "processing");
  TransportResult hook = guard.send(
      post(std::string(kLs) + "/webhooks.json", {{"webhook", {{"itemGroup", "orders"}, {"address", "https://x"}}}}));
  EXPECT_TRUE(WriteGuard::is_planned_id(json::parse(hook.value().body).at("webhook").at("id").as_int64()));

  // A planned product's reads come from the guard: its base stock less the planned order's.
  size_t before = up.sent.size();
  TransportResult stock = guard.send(Request{"GET", std::string(kPq) + "/products/" + std::to_string(idproduct) + "/stock", {}, ""});
  EXPECT_EQ(up.sent.size(), before) << "never asked upstream";
  bj::value rows = json::parse(stock.value().body);
  EXPECT_EQ(rows.at(0).at("freestock").as_int64(), 7);
  TransportResult images = guard.send(Request{"GET", std::string(kPq) + "/products/" + std::to_string(idproduct) + "/images", {}, ""});
  EXPECT_EQ(json::parse(images.value().body).as_array().size(), 1u);

  // The warehouse list: the real rows with the planned reservations, plus the planned product.
  TransportResult list = guard.send(Request{"GET", std::string(kPq) + "/warehouses/1/stock?offset=0", {}, ""});
  bj::value page = json::parse(list.value().body);
  ASSERT_EQ(page.as_array().size(), 2u);
  EXPECT_EQ(page.at(0).at("freestock").as_int64(), 5) << "SHIRT: 7 free, 2 on the planned order";
  EXPECT_EQ(page.at(0).at("reserved").as_int64(), 2);
  EXPECT_EQ(page.at(1).at("productcode").as_string(), "MUG");
  EXPECT_EQ(page.at(1).at("freestock").as_int64(), 7);
  for (const auto& r : up.sent) EXPECT_EQ(r.method, "GET");
}

}  // namespace
}  // namespace lpsync::live
