// Request faults from the shared fault plan, matched on the API-neutral path.
#include <gtest/gtest.h>

#include "engine/env/json.h"
#include "fakes/picqer/test_harness.h"

namespace lpsync::fakes::picqer {
namespace {

using testing::Harness;
using testing::IsError;

const char* kProduct = R"({"productcode":"F1","name":"F1","price":1,"idvatgroup":1})";

TEST(Faults, Http429AnswersLikeTheRealRateLimit) {
  Harness h;
  h.fake.add_fault({.kind = FaultKind::http_429, .match = "POST /products", .count = 1});
  Response r = h.call("POST", "/products", kProduct);
  EXPECT_TRUE(IsError(r, 429, 28));
  EXPECT_EQ(r.headers.get("X-RateLimit-Limit"), "500");
  EXPECT_EQ(r.headers.get("X-RateLimit-Remaining"), "0");
  EXPECT_TRUE(h.fake.products().empty());
  EXPECT_EQ(h.call("POST", "/products", kProduct).status, 201) << "count 1: only the next request";
  const auto& e = h.fake.journal().entries();
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].fault, FaultKind::http_429);
  EXPECT_FALSE(e[0].applied);
  EXPECT_EQ(e[0].status, 429);
}

TEST(Faults, ServerErrorsAreNotApplied) {
  Harness h;
  h.fake.add_fault({.kind = FaultKind::http_500, .match = "POST /products", .count = 1});
  h.fake.add_fault({.kind = FaultKind::http_503, .match = "POST /products", .count = 1});
  EXPECT_TRUE(IsError(h.call("POST", "/products", kProduct), 500, 1));
  EXPECT_TRUE(IsError(h.call("POST", "/products", kProduct), 503, 1));
  EXPECT_TRUE(h.fake.products().empty());
  EXPECT_EQ(h.call("POST", "/products", kProduct).status, 201);
}

TEST(Faults, TimeoutAndResetLoseTheRequest) {
  Harness h;
  h.fake.add_fault({.kind = FaultKind::timeout, .match = "POST /products", .count = 1});
  h.fake.add_fault({.kind = FaultKind::reset, .match = "POST /products", .count = 1});
  TransportResult timeout = h.fake.handle(h.request("POST", "/products", kProduct));
  ASSERT_FALSE(timeout.ok());
  EXPECT_EQ(timeout.error().kind, TransportErrorKind::timeout);
  TransportResult reset = h.fake.handle(h.request("POST", "/products", kProduct));
  ASSERT_FALSE(reset.ok());
  EXPECT_EQ(reset.error().kind, TransportErrorKind::reset);
  EXPECT_TRUE(h.fake.products().empty());
  EXPECT_EQ(h.fake.journal().entries()[0].status, 0);
}

TEST(Faults, IndeterminateAppliesTheRequestThenDropsTheAnswer) {
  Harness h;
  h.create_product("MUG", 5);
  int64_t id = h.create_order("LS-1", {{"MUG", 2}});
  h.fake.add_fault({.kind = FaultKind::indeterminate, .match = "POST /orders/*/process", .count = 1});
  TransportResult r = h.fake.handle(h.request("POST", "/orders/" + std::to_string(id) + "/process"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(h.fake.order(id)->status, "processing") << "the write happened";
  EXPECT_EQ(h.fake.stock("MUG", 1).freestock(), 3);
  EXPECT_TRUE(h.fake.journal().entries().back().applied);
  // The client's retry meets the real state: already processed.
  EXPECT_TRUE(IsError(h.call("POST", "/orders/" + std::to_string(id) + "/process"), 400, 21));
}

TEST(Faults, PatternsUseThePathWithoutApiV1) {
  Harness h;
  h.create_product("MUG", 5);
  h.fake.add_fault({.kind = FaultKind::http_500, .match = "POST /orders/*/process", .count = 5});
  EXPECT_EQ(h.call("POST", "/orders", R"({"reference":"A","deliveryname":"A","deliverycountry":"NL",
      "invoicename":"A","products":[{"productcode":"MUG","amount":1}]})").status, 201) << "POST /orders is not hit";
  EXPECT_EQ(h.call("GET", "/orders/1").status, 200);
  EXPECT_TRUE(IsError(h.call("POST", "/orders/1/process"), 500, 1));
  EXPECT_EQ(h.fake.journal().count("POST /orders/*/process"), 1u);
}

TEST(Faults, ARuleCanHoldForADuration) {
  Harness h;
  h.fake.add_fault({.kind = FaultKind::http_503, .match = "GET /products", .until = h.clock.now() + Duration::minutes(10)});
  EXPECT_EQ(h.call("GET", "/products").status, 503);
  h.clock.advance(Duration::minutes(9));
  EXPECT_EQ(h.call("GET", "/products").status, 503);
  EXPECT_EQ(h.call("GET", "/warehouses").status, 200);
  h.clock.advance(Duration::minutes(1));
  EXPECT_EQ(h.call("GET", "/products").status, 200);
  EXPECT_EQ(h.fake.faults().injected().at(FaultKind::http_503), 2);
}

TEST(Faults, ProbabilisticRulesAreReproducibleFromTheSeed) {
  auto run = [](uint64_t seed) {
    SimClock clock(testing::kStart);
    testing::Receiver receiver;
    PicqerFake fake(clock, receiver, Random(seed));
    Harness shape;
    fake.add_fault({.kind = FaultKind::http_500, .until = testing::kStart + Duration::days(1), .probability = 0.5});
    std::string statuses;
    for (int i = 0; i < 40; ++i)
      statuses += fake.handle(shape.request("GET", "/products")).value().status == 500 ? 'x' : '.';
    return statuses;
  };
  EXPECT_EQ(run(1), run(1));
  EXPECT_NE(run(1), run(2));
  EXPECT_NE(run(1).find('x'), std::string::npos);
  EXPECT_NE(run(1).find('.'), std::string::npos);
}

}  // namespace
}  // namespace lpsync::fakes::picqer
