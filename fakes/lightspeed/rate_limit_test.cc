// The four windows per API key, their headers, 429 answers, /account/ratelimit.json.
#include <gtest/gtest.h>

#include "fakes/lightspeed/test_support.h"

namespace lpsync::fakes::lightspeed::testing {
namespace {

namespace bj = boost::json;

std::string header(const Response& r, const char* name) { return r.headers.get(name).value_or("<none>"); }

LightspeedConfig limits(int64_t five_min, int64_t hour, int64_t day, int64_t second) {
  LightspeedConfig c;
  c.limits = {five_min, hour, day, second};
  return c;
}

TEST(RateHeaders, EveryAuthenticatedAnswerCarriesTheThreeWindows) {
  Harness h;
  Response first = h.get("/en/orders.json");
  EXPECT_EQ(header(first, "X-RateLimit-Limit"), "300/3000/12000");
  EXPECT_EQ(header(first, "X-RateLimit-Remaining"), "299/2999/11999");
  EXPECT_EQ(header(first, "X-RateLimit-Reset"), "300/3600/86400");
  h.clock.advance(Duration::millis(63'500));
  Response second = h.get("/en/orders/999.json");
  EXPECT_EQ(second.status, 404);
  EXPECT_EQ(header(second, "X-RateLimit-Remaining"), "298/2998/11998") << "errors count and carry headers";
  EXPECT_EQ(header(second, "X-RateLimit-Reset"), "237/3537/86337") << "whole seconds, rounded up";
  Response lang = h.get("/xx/orders.json");
  EXPECT_EQ(lang.status, 404);
  EXPECT_EQ(header(lang, "X-RateLimit-Remaining"), "297/2997/11997");
}

TEST(RateWindows, TheFiveMinuteWindowRefusesThenResets) {
  Harness h(limits(3, 100, 1000, 100));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(h.get("/en/orders.json").status, 200);
  h.clock.advance(Duration::seconds(10));
  Response refused = h.get("/en/orders.json");
  EXPECT_EQ(refused.status, 429);
  ErrorEnvelope e = envelope_of(refused);
  EXPECT_EQ(e.code, 429);
  EXPECT_EQ(e.request, "/en/orders.json");
  EXPECT_NE(e.message.find("5-minute"), std::string::npos);
  EXPECT_EQ(header(refused, "X-RateLimit-Remaining"), "0/97/997") << "a refused request spends nothing";
  EXPECT_EQ(header(refused, "X-RateLimit-Reset"), "290/3590/86390");
  EXPECT_FALSE(refused.headers.has("Retry-After"));
  h.clock.advance(Duration::seconds(289));
  EXPECT_EQ(h.get("/en/orders.json").status, 429);
  h.clock.advance(Duration::seconds(1));
  Response again = h.get("/en/orders.json");
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(header(again, "X-RateLimit-Remaining"), "2/96/996");
  EXPECT_EQ(header(again, "X-RateLimit-Reset"), "300/3300/86100");
}

TEST(RateWindows, TheHourlyWindowRefusesThenResets) {
  Harness h(limits(100, 4, 1000, 100));
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(h.get("/en/orders.json").status, 200);
    h.clock.advance(Duration::minutes(6));
  }
  Response refused = h.get("/en/orders.json");  // at +24 min
  EXPECT_EQ(refused.status, 429);
  EXPECT_NE(envelope_of(refused).message.find("hourly"), std::string::npos);
  EXPECT_EQ(header(refused, "X-RateLimit-Remaining"), "100/0/996");
  EXPECT_EQ(header(refused, "X-RateLimit-Reset"), "300/2160/84960");
  h.clock.advance(Duration::minutes(36) - Duration::seconds(1));
  EXPECT_EQ(h.get("/en/orders.json").status, 429);
  h.clock.advance(Duration::seconds(1));
  EXPECT_EQ(h.get("/en/orders.json").status, 200);
}

TEST(RateWindows, TheDailyWindowRefusesThenResets) {
  Harness h(limits(100, 100, 5, 100));
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(h.get("/en/orders.json").status, 200);
    h.clock.advance(Duration::hours(2));
  }
  Response refused = h.get("/en/orders.json");  // at +10 h
  EXPECT_EQ(refused.status, 429);
  EXPECT_NE(envelope_of(refused).message.find("daily"), std::string::npos);
  EXPECT_EQ(header(refused, "X-RateLimit-Remaining"), "100/100/0");
  EXPECT_EQ(header(refused, "X-RateLimit-Reset"), "300/3600/50400");
  h.clock.advance(Duration::hours(14) - Duration::seconds(1));
  EXPECT_EQ(h.get("/en/orders.json").status, 429);
  h.clock.advance(Duration::seconds(1));
  EXPECT_EQ(h.get("/en/orders.json").status, 200);
}

TEST(RateWindows, TwentyPerSecondThenRefusedUntilTheSecondIsOver) {
  Harness h;  // the default limits
  for (int i = 0; i < 20; ++i) ASSERT_EQ(h.get("/en/orders.json").status, 200) << i;
  h.clock.advance(Duration::millis(999));
  Response refused = h.get("/en/orders.json");
  EXPECT_EQ(refused.status, 429);
  EXPECT_NE(envelope_of(refused).message.find("per-second"), std::string::npos);
  EXPECT_EQ(header(refused, "X-RateLimit-Remaining"), "280/2980/11980") << "no header for the per-second cap";
  h.clock.advance(Duration::millis(1));
  EXPECT_EQ(h.get("/en/orders.json").status, 200);
}

TEST(RateWindows, RetryAfterWhenConfiguredNamesTheExhaustedWindowsReset) {
  LightspeedConfig c = limits(2, 100, 1000, 100);
  c.retry_after_header = true;
  Harness h(c);
  h.get("/en/orders.json");
  h.get("/en/orders.json");
  h.clock.advance(Duration::millis(100'400));
  EXPECT_EQ(header(h.get("/en/orders.json"), "Retry-After"), "200");
}

TEST(RateWindows, EachKeyHasItsOwnBudget) {
  Harness h(limits(2, 100, 1000, 100));
  h.fake.add_api_key("other", "secret");
  h.get("/en/orders.json");
  h.get("/en/orders.json");
  EXPECT_EQ(h.get("/en/orders.json").status, 429);
  Request r{"GET", "http://lightspeed.test/en/orders.json", {}, ""};
  r.headers.set("Authorization", basic_auth_header("other", "secret"));
  Response other = h.raw(r).value();
  EXPECT_EQ(other.status, 200);
  EXPECT_EQ(header(other, "X-RateLimit-Remaining"), "1/99/999");
}

TEST(AccountRatelimit, ShowsEachWindowAndDoesNotCountByDefault) {
  Harness h;
  h.get("/en/orders.json");
  h.clock.advance(Duration::seconds(20));
  Response r = h.get("/en/account/ratelimit.json");
  ASSERT_EQ(r.status, 200);
  const bj::value w = body_of(r).at("accountRatelimit");
  EXPECT_EQ(w.at("limit5Min").at("limit").as_int64(), 300);
  EXPECT_EQ(w.at("limit5Min").at("remaining").as_int64(), 299);
  EXPECT_EQ(w.at("limit5Min").at("reset").as_int64(), 280);
  EXPECT_EQ(w.at("limit5Min").at("resetTime").as_string(), "2026-11-02T08:05:00+00:00");
  EXPECT_EQ(w.at("limitHour").at("limit").as_int64(), 3000);
  EXPECT_EQ(w.at("limitHour").at("remaining").as_int64(), 2999);
  EXPECT_EQ(w.at("limitDay").at("limit").as_int64(), 12000);
  EXPECT_EQ(w.at("limitDay").at("reset").as_int64(), 86380);
  EXPECT_EQ(header(r, "X-RateLimit-Remaining"), "299/2999/11999");
  EXPECT_EQ(header(h.get("/en/account/ratelimit.json"), "X-RateLimit-Remaining"), "299/2999/11999");
}

TEST(AccountRatelimit, CountsWhenConfiguredSo) {
  LightspeedConfig c;
  c.ratelimit_endpoint_counts = true;
  Harness h(c);
  Response r = h.get("/en/account/ratelimit.json");
  EXPECT_EQ(body_of(r).at("accountRatelimit").at("limit5Min").at("remaining").as_int64(), 299);
  EXPECT_EQ(header(r, "X-RateLimit-Remaining"), "299/2999/11999");
}

}  // namespace
}  // namespace lpsync::fakes::lightspeed::testing
