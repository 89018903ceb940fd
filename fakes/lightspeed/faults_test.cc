// Every fault kind of the scenario format, matched on API-neutral paths.
#include <gtest/gtest.h>

#include "fakes/lightspeed/test_support.h"

namespace lpsync::fakes::lightspeed::testing {
namespace {

FaultRule next(FaultKind kind, const std::string& match, int count = 1) {
  return FaultRule{kind, match, count, std::nullopt, kStart};
}

const char* kPut = R"({"variant":{"stockLevel":3}})";

TEST(Faults, PatternsMatchWithoutLanguageAndFormat) {
  Harness h;
  h.add_shirt();
  h.fake.faults().add(next(FaultKind::http_500, "PUT /variants/*", 1));
  EXPECT_EQ(h.get("/en/variants/11.json").status, 200) << "GET does not match a PUT pattern";
  EXPECT_EQ(h.put("/en/variants/12.json", kPut).status, 500);
  EXPECT_EQ(h.put("/en/variants/12.json", kPut).status, 200) << "the rule was used up";
}

TEST(Faults, Http429AnswersWithLightspeedsRateLimitHeadersAndEnvelope) {
  Harness h;
  h.add_shirt();
  h.get("/en/orders.json");
  h.fake.faults().add(next(FaultKind::http_429, "PUT /variants/*"));
  Response r = h.put("/en/variants/11.json", kPut);
  EXPECT_EQ(r.status, 429);
  ErrorEnvelope e = envelope_of(r);
  EXPECT_EQ(e.code, 429);
  EXPECT_EQ(e.method, "PUT");
  EXPECT_EQ(e.request, "/en/variants/11.json");
  EXPECT_EQ(r.headers.get("X-RateLimit-Limit"), "300/3000/12000");
  EXPECT_EQ(r.headers.get("X-RateLimit-Remaining"), "0/2999/11999") << "shown as the 5-minute window spent";
  EXPECT_EQ(r.headers.get("X-RateLimit-Reset"), "300/3600/86400");
  EXPECT_EQ(h.fake.variant(11)->stock_level, 10) << "not applied";
  EXPECT_FALSE(h.fake.journal().entries().back().applied);
  EXPECT_EQ(h.fake.journal().entries().back().status, 429);
}

TEST(Faults, Http500And503AnswerWithTheErrorEnvelopeAndApplyNothing) {
  for (auto [kind, status] : {std::pair{FaultKind::http_500, 500}, std::pair{FaultKind::http_503, 503}}) {
    Harness h;
    h.add_shirt();
    h.fake.faults().add(next(kind, ""));
    Response r = h.put("/en/variants/11.json", kPut);
    EXPECT_EQ(r.status, status);
    EXPECT_EQ(envelope_of(r).code, status);
    EXPECT_TRUE(r.headers.has("X-RateLimit-Remaining"));
    EXPECT_EQ(h.fake.variant(11)->stock_level, 10);
  }
}

TEST(Faults, TimeoutAndResetGiveNoAnswerAndApplyNothing) {
  for (auto [kind, error] : {std::pair{FaultKind::timeout, TransportErrorKind::timeout},
                             std::pair{FaultKind::reset, TransportErrorKind::reset}}) {
    Harness h;
    h.add_shirt();
    h.fake.faults().add(next(kind, "PUT /variants/11"));
    Request req{"PUT", "http://lightspeed.test/en/variants/11.json", {}, kPut};
    req.headers.set("Authorization", basic_auth_header(h.fake.config().key, h.fake.config().secret));
    TransportResult r = h.raw(req);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, error);
    EXPECT_EQ(h.fake.variant(11)->stock_level, 10);
    EXPECT_TRUE(h.fake.shop().movements().empty());
    EXPECT_EQ(h.fake.journal().entries().back().status, 0);
    EXPECT_EQ(h.fake.budget(h.fake.config().key).to_json(h.clock.now()).at("limit5Min").at("remaining").as_int64(),
              300)
        << "a request that never arrived spends no budget";
  }
}

TEST(Faults, IndeterminateAppliesTheWriteThenDropsTheAnswer) {
  Harness h;
  h.add_shirt();
  h.fake.faults().add(next(FaultKind::indeterminate, "PUT /variants/*"));
  Response r = h.put("/en/variants/11.json", kPut);
  EXPECT_EQ(r.status, 0) << "no answer";
  EXPECT_EQ(h.fake.variant(11)->stock_level, 3) << "but the write happened";
  EXPECT_TRUE(h.fake.journal().entries().back().applied);
}

TEST(Faults, TimedRulesHitEveryMatchingRequestInTheirSpan) {
  Harness h;
  h.fake.faults().add(FaultRule{FaultKind::http_503, "GET /orders", std::nullopt, kStart + Duration::minutes(2),
                                kStart + Duration::minutes(1)});
  EXPECT_EQ(h.get("/en/orders.json").status, 200);
  h.clock.advance(Duration::minutes(1));
  EXPECT_EQ(h.get("/en/orders.json").status, 503);
  EXPECT_EQ(h.get("/en/orders/count.json").status, 200);
  h.clock.advance(Duration::seconds(59));
  EXPECT_EQ(h.get("/en/orders.json").status, 503);
  h.clock.advance(Duration::seconds(1));
  EXPECT_EQ(h.get("/en/orders.json").status, 200);
  EXPECT_EQ(h.fake.faults().injected().at(FaultKind::http_503), 2);
}

TEST(Faults, WebhookDropLosesADeliveryAndDuplicateSendsItTwice) {
  Harness h;
  h.add_shirt();
  h.add_webhook("variants", "updated");
  h.fake.faults().add(FaultRule{FaultKind::webhook_drop, "variants/updated", 1, std::nullopt, kStart});
  VariantPatch p;
  p.stock_level = 1;
  h.fake.update_variant(11, p);
  h.clock.advance(Duration::seconds(5));
  EXPECT_EQ(h.hooks.requests.size(), 0u);
  ASSERT_EQ(h.fake.deliveries().size(), 1u);
  EXPECT_TRUE(h.fake.deliveries()[0].dropped);

  h.fake.faults().add(FaultRule{FaultKind::webhook_duplicate, "", 1, std::nullopt, kStart});
  p.stock_level = 2;
  h.fake.update_variant(11, p);
  h.clock.advance(Duration::seconds(5));
  ASSERT_EQ(h.hooks.requests.size(), 2u);
  EXPECT_EQ(h.hooks.requests[0].body, h.hooks.requests[1].body);
  EXPECT_EQ(h.hooks.requests[0].headers.get("X-Request-Id"), h.hooks.requests[1].headers.get("X-Request-Id"));

  p.stock_level = 3;
  h.fake.update_variant(11, p);
  h.clock.advance(Duration::seconds(5));
  EXPECT_EQ(h.hooks.requests.size(), 3u) << "both rules used up";
}

TEST(Faults, ProbabilisticRulesAreReproducibleFromTheSeed) {
  auto run = [](uint64_t seed) {
    Harness h(LightspeedConfig{}, seed);
    h.fake.faults().add(FaultRule{FaultKind::http_500, "", std::nullopt, kStart + Duration::days(1), kStart, 0.5});
    std::string statuses;
    for (int i = 0; i < 40; ++i) {
      h.clock.advance(Duration::seconds(1));
      statuses += h.get("/en/orders.json").status == 500 ? 'x' : '.';
    }
    return statuses;
  };
  EXPECT_EQ(run(7), run(7));
  EXPECT_NE(run(7), run(8));
}

}  // namespace
}  // namespace lpsync::fakes::lightspeed::testing
