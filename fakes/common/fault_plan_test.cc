#include "fakes/common/fault_plan.h"

#include <gtest/gtest.h>

#include "fakes/common/fault_gate.h"

namespace lpsync::fakes {
namespace {

const Instant kT0 = Instant::from_unix_seconds(1'800'000'000);

TEST(Pattern, MatchesMethodAndPathSegments) {
  EXPECT_TRUE(matches_pattern("PUT /variants/*", "PUT", "/variants/11"));
  EXPECT_FALSE(matches_pattern("PUT /variants/*", "GET", "/variants/11"));
  EXPECT_FALSE(matches_pattern("PUT /variants/*", "PUT", "/variants/11/movements"));
  EXPECT_TRUE(matches_pattern("POST /orders", "POST", "/orders"));
  EXPECT_FALSE(matches_pattern("POST /orders", "POST", "/orders/5/process"));
  EXPECT_TRUE(matches_pattern("POST /orders/*/process", "POST", "/orders/5/process"));
  EXPECT_TRUE(matches_pattern("/orders*", "GET", "/orders"));
  EXPECT_TRUE(matches_pattern("*", "DELETE", "/hooks/3"));
  EXPECT_TRUE(matches_pattern("", "GET", "/x"));
}

TEST(Pattern, ChecksSyntax) {
  EXPECT_EQ(check_pattern("PUT /variants/*"), "");
  EXPECT_NE(check_pattern("PUTT /variants/*"), "");
  EXPECT_NE(check_pattern("PUT variants"), "");
}

TEST(FaultPlan, CountedRulesHitTheNextNMatchingRequests) {
  FaultPlan plan(Random(1));
  plan.add({FaultKind::http_500, "POST /orders", 2, std::nullopt, kT0});
  EXPECT_FALSE(plan.for_request("GET", "/orders", kT0));
  EXPECT_EQ(plan.for_request("POST", "/orders", kT0), FaultKind::http_500);
  EXPECT_EQ(plan.for_request("POST", "/orders", kT0), FaultKind::http_500);
  EXPECT_FALSE(plan.for_request("POST", "/orders", kT0));
  EXPECT_EQ(plan.injected().at(FaultKind::http_500), 2);
}

TEST(FaultPlan, TimedRulesHitEveryMatchingRequestInTheirSpan) {
  FaultPlan plan(Random(1));
  plan.add({FaultKind::timeout, "", std::nullopt, kT0 + Duration::minutes(10), kT0 + Duration::minutes(5)});
  EXPECT_FALSE(plan.for_request("GET", "/a", kT0));
  EXPECT_EQ(plan.for_request("GET", "/a", kT0 + Duration::minutes(5)), FaultKind::timeout);
  EXPECT_EQ(plan.for_request("PUT", "/b", kT0 + Duration::minutes(9)), FaultKind::timeout);
  EXPECT_FALSE(plan.for_request("GET", "/a", kT0 + Duration::minutes(10)));
}

TEST(FaultPlan, WebhookRulesOnlyApplyToWebhooks) {
  FaultPlan plan(Random(1));
  plan.add({FaultKind::webhook_drop, "", 1, std::nullopt, kT0});
  EXPECT_FALSE(plan.for_request("GET", "/a", kT0));
  EXPECT_EQ(plan.for_webhook("orders/updated", kT0), FaultKind::webhook_drop);
  EXPECT_FALSE(plan.for_webhook("orders/updated", kT0));
}

TEST(FaultPlan, ProbabilisticRulesAreReproducibleFromTheSeed) {
  auto draws = [](uint64_t seed) {
    FaultPlan plan{Random(seed)};
    plan.add({FaultKind::http_503, "", std::nullopt, kT0 + Duration::days(1), kT0, 0.3});
    std::string out;
    for (int i = 0; i < 64; ++i) out += plan.for_request("GET", "/x", kT0) ? '1' : '0';
    return out;
  };
  EXPECT_EQ(draws(9), draws(9));
  EXPECT_NE(draws(9), draws(10));
  std::string d = draws(9);
  EXPECT_GT(std::count(d.begin(), d.end(), '1'), 5);
  EXPECT_LT(std::count(d.begin(), d.end(), '1'), 40);
}

TEST(FaultGate, EachKindAppliesOrNotAsItSays) {
  Request req{"POST", "http://x/orders", {}, "{}"};
  for (FaultKind kind : {FaultKind::http_429, FaultKind::http_500, FaultKind::http_503, FaultKind::timeout,
                         FaultKind::reset, FaultKind::indeterminate}) {
    FaultPlan plan(Random(1));
    Journal journal;
    plan.add({kind, "", 1, std::nullopt, kT0});
    int applied = 0;
    auto result = run_through_faults(
        plan, journal, {&req, "POST", "/orders", "", kT0},
        [&] {
          ++applied;
          return Response{201, {}, "created"};
        },
        [](FaultKind k) { return Response{k == FaultKind::http_429 ? 429 : 500, {}, "fault"}; });
    bool should_apply = kind == FaultKind::indeterminate;
    EXPECT_EQ(applied, should_apply ? 1 : 0) << to_string(kind);
    bool answered = kind == FaultKind::http_429 || kind == FaultKind::http_500 || kind == FaultKind::http_503;
    EXPECT_EQ(result.ok(), answered) << to_string(kind);
    ASSERT_EQ(journal.size(), 1u);
    EXPECT_EQ(journal.entries()[0].fault, kind);
    EXPECT_EQ(journal.entries()[0].applied, should_apply) << to_string(kind);
  }
}

TEST(FaultKindNames, RoundTrip) {
  for (auto k : {FaultKind::http_429, FaultKind::http_500, FaultKind::http_503, FaultKind::timeout,
                 FaultKind::reset, FaultKind::indeterminate, FaultKind::webhook_drop,
                 FaultKind::webhook_duplicate}) {
    EXPECT_EQ(parse_fault_kind(to_string(k)), k);
  }
  EXPECT_FALSE(parse_fault_kind("http_418"));
}

}  // namespace
}  // namespace lpsync::fakes
