#include "engine/client/api_session.h"

#include <gtest/gtest.h>

#include <deque>

namespace lpsync {
namespace {

const Instant kT0 = Instant::from_unix_seconds(1'800'000'000);

// Answers each request with the next scripted result and remembers the requests.
class ScriptedTransport : public Transport {
 public:
  std::deque<TransportResult> answers;
  std::vector<Request> seen;
  TransportResult send(const Request& r) override {
    seen.push_back(r);
    TransportResult next = answers.front();
    answers.pop_front();
    return next;
  }
};

struct Fixture {
  SimClock clock{kT0};
  ScriptedTransport transport;
  RateBudget budget{lightspeed_limits()};
  Trace trace{true};
  ApiSession session{clock, transport, budget, trace,
                     {ApiKind::lightspeed, "http://shop.test/en", basic_auth_header("key", "secret"), "lpsync-test"}};
};

Response json_response(int status, std::string body, Headers h = {}) { return Response{status, std::move(h), std::move(body)}; }

TEST(ApiSession, OkAnswersAreParsedAndHeadersFeedTheBudget) {
  Fixture f;
  f.transport.answers.push_back(json_response(
      200, R"({"orders":[]})", {{"X-RateLimit-Remaining", "0/2999/11999"}, {"X-RateLimit-Reset", "120/3000/80000"}}));
  auto r = f.session.call(Priority::orders, "GET", "/orders.json");
  ASSERT_TRUE(r.ok()) << r.message;
  EXPECT_TRUE(r.value.as_object().contains("orders"));
  const Request& sent = f.transport.seen[0];
  EXPECT_EQ(sent.url, "http://shop.test/en/orders.json");
  EXPECT_EQ(sent.headers.get("Authorization"), basic_auth_header("key", "secret"));
  EXPECT_EQ(sent.headers.get("User-Agent"), "lpsync-test");
  // The server said the 5-minute window is spent: the next request waits for its reset.
  auto next = f.session.call(Priority::orders, "GET", "/orders.json");
  EXPECT_EQ(next.outcome, CallOutcome::rate_limited);
  EXPECT_EQ(next.retry_at, kT0 + Duration::seconds(120));
  EXPECT_EQ(f.transport.seen.size(), 1u);  // nothing was sent past the budget
}

TEST(ApiSession, AFullSharedLimitHoldsTheRequestBackUntilItsNextWindow) {
  Fixture f;
  MemorySharedRateLimit shared({2, Duration::seconds(10)}, Duration::seconds(10));  // one request per window
  f.session.share_limit(&shared);
  f.transport.answers.push_back(json_response(200, R"({"orders":[]})"));
  ASSERT_TRUE(f.session.call(Priority::orders, "GET", "/orders.json").ok());
  // Another shop on the account took the rest of this window's share... or this one did.
  auto held = f.session.call(Priority::orders, "GET", "/orders.json");
  EXPECT_EQ(held.outcome, CallOutcome::rate_limited);
  EXPECT_NE(held.message.find("shared with the other shops"), std::string::npos) << held.message;
  EXPECT_EQ(held.retry_at, Instant::from_unix_seconds(1'800'000'010));
  EXPECT_EQ(f.transport.seen.size(), 1u);
}

TEST(ApiSession, ClassifiesEveryKindOfAnswer) {
  struct Case {
    TransportResult answer;
    std::string method;
    CallOutcome expected;
  };
  std::vector<Case> cases = {
      {json_response(404, R"({"error":{"code":404,"message":"Not found"}})"), "GET", CallOutcome::not_found},
      {json_response(422, R"({"error":{"code":422,"message":"Invalid stockLevel"}})"), "PUT", CallOutcome::rejected},
      {json_response(500, "oops"), "GET", CallOutcome::transient},
      {json_response(503, ""), "PUT", CallOutcome::transient},
      {json_response(200, "{not json"), "GET", CallOutcome::bad_response},
      {TransportError{TransportErrorKind::timeout, "t"}, "GET", CallOutcome::transient},
      {TransportError{TransportErrorKind::timeout, "t"}, "PUT", CallOutcome::indeterminate},
      {TransportError{TransportErrorKind::reset, "r"}, "POST", CallOutcome::indeterminate},
      {TransportError{TransportErrorKind::refused, "r"}, "POST", CallOutcome::transient},
  };
  for (const auto& c : cases) {
    Fixture f;
    f.transport.answers.push_back(c.answer);
    auto r = f.session.call(Priority::orders, c.method, "/x.json");
    EXPECT_EQ(r.outcome, c.expected) << r.message;
    EXPECT_EQ(r.message.find("secret"), std::string::npos);
  }
}

TEST(ApiSession, RejectionsCarryTheApisMessage) {
  Fixture f;
  f.transport.answers.push_back(json_response(422, R"({"error":{"code":422,"message":"Invalid stockLevel"}})"));
  auto r = f.session.call(Priority::stock, "PUT", "/variants/1.json");
  EXPECT_EQ(r.message, "Lightspeed PUT /en/variants/1.json: 422 Invalid stockLevel");
}

TEST(ApiSession, LightspeedTooManyRequestsWaitsForTheExhaustedWindow) {
  Fixture f;
  f.transport.answers.push_back(json_response(429, R"({"error":{"code":429,"message":"Too many"}})",
                                              {{"X-RateLimit-Remaining", "10/0/5000"},
                                               {"X-RateLimit-Reset", "100/1500/30000"}}));
  auto r = f.session.call(Priority::orders, "GET", "/orders.json");
  EXPECT_EQ(r.outcome, CallOutcome::rate_limited);
  EXPECT_EQ(r.retry_at, kT0 + Duration::seconds(1500));
  EXPECT_EQ(f.budget.stats().refusals, 1);
}

TEST(ApiSession, PicqerTooManyRequestsHonoursRetryAfterElseTwentySeconds) {
  for (bool with_header : {true, false}) {
    SimClock clock(kT0);
    ScriptedTransport transport;
    RateBudget budget(picqer_limits());
    Trace trace;
    ApiSession s(clock, transport, budget, trace, {ApiKind::picqer, "http://pq.test/api/v1", "Basic x", "ua"});
    Headers h{{"X-RateLimit-Remaining", "0"}};
    if (with_header) h.add("Retry-After", "7");
    transport.answers.push_back(json_response(429, R"({"error":true,"error_code":28,"error_message":"Rate limit exceeded"})", h));
    auto r = s.call(Priority::orders, "GET", "/orders");
    EXPECT_EQ(r.outcome, CallOutcome::rate_limited);
    EXPECT_EQ(r.retry_at, kT0 + Duration::seconds(with_header ? 7 : 20));
  }
}

TEST(ApiSession, TheReadOnlyGuardRefusesWritesLoudlyWithoutSending) {
  Fixture f;
  f.session.guard_writes([] { return false; });
  auto r = f.session.call(Priority::stock, "PUT", "/variants/1.json");
  EXPECT_EQ(r.outcome, CallOutcome::rejected);
  EXPECT_NE(r.message.find("read-only guard"), std::string::npos);
  EXPECT_TRUE(f.transport.seen.empty());
  EXPECT_EQ(f.session.refused_writes(), 1);
  f.transport.answers.push_back(json_response(200, R"({"orders":[]})"));
  EXPECT_TRUE(f.session.call(Priority::orders, "GET", "/orders.json").ok());
}

TEST(ApiSession, TraceRecordsExchangesWithoutCredentials) {
  Fixture f;
  f.transport.answers.push_back(json_response(200, "{}"));
  f.session.call(Priority::orders, "GET", "/orders.json?page=1");
  ASSERT_EQ(f.trace.lines().size(), 1u);
  EXPECT_NE(f.trace.lines()[0].find("/en/orders.json?page=1"), std::string::npos);
  EXPECT_EQ(f.trace.lines()[0].find("Basic"), std::string::npos);
}

}  // namespace
}  // namespace lpsync
