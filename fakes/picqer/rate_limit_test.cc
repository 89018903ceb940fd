// 500 requests per minute per key (configurable), X-RateLimit-Limit / X-RateLimit-Remaining,
// 429 with error code 28 above it; the window restarts after a minute on the SimClock.
#include <gtest/gtest.h>

#include "fakes/picqer/test_harness.h"

namespace lpsync::fakes::picqer {
namespace {

using testing::Harness;
using testing::IsError;

TEST(RateLimit, CountsDownAndRefusesAboveTheLimit) {
  Harness h(PicqerConfig{.rate_limit_per_minute = 5});
  for (int i = 1; i <= 5; ++i) {
    Response r = h.call("GET", "/products");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.headers.get("X-RateLimit-Limit"), "5");
    EXPECT_EQ(r.headers.get("X-RateLimit-Remaining"), std::to_string(5 - i));
  }
  Response refused = h.call("POST", "/products", R"({"productcode":"A","name":"A","price":1,"idvatgroup":1})");
  EXPECT_TRUE(IsError(refused, 429, 28));
  EXPECT_EQ(refused.headers.get("X-RateLimit-Limit"), "5");
  EXPECT_EQ(refused.headers.get("X-RateLimit-Remaining"), "0");
  EXPECT_FALSE(refused.headers.has("Retry-After"));
  EXPECT_TRUE(h.fake.products().empty()) << "a refused request is ignored";

  // The window is one minute from its first request.
  h.clock.advance(Duration::seconds(59));
  EXPECT_EQ(h.call("GET", "/products").status, 429);
  h.clock.advance(Duration::seconds(1));
  Response again = h.call("GET", "/products");
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.headers.get("X-RateLimit-Remaining"), "4");
}

TEST(RateLimit, DefaultsTo500PerMinute) {
  Harness h;
  Response first = h.call("GET", "/vatgroups");
  EXPECT_EQ(first.headers.get("X-RateLimit-Limit"), "500");
  EXPECT_EQ(first.headers.get("X-RateLimit-Remaining"), "499");
  for (int i = 0; i < 499; ++i) ASSERT_EQ(h.call("GET", "/vatgroups").status, 200) << i;
  EXPECT_TRUE(IsError(h.call("GET", "/vatgroups"), 429, 28));
  h.clock.advance(Duration::minutes(1));
  EXPECT_EQ(h.call("GET", "/vatgroups").status, 200);
}

TEST(RateLimit, UnauthenticatedRequestsDoNotCount) {
  Harness h(PicqerConfig{.rate_limit_per_minute = 2});
  Request anonymous = h.request("GET", "/products");
  anonymous.headers.remove("Authorization");
  for (int i = 0; i < 5; ++i) EXPECT_EQ(h.fake.handle(anonymous).value().status, 401);
  EXPECT_EQ(h.call("GET", "/products").headers.get("X-RateLimit-Remaining"), "1");
}

TEST(RateLimit, RetryAfterIsOptIn) {
  Harness h(PicqerConfig{.rate_limit_per_minute = 1, .send_retry_after = true});
  EXPECT_EQ(h.call("GET", "/products").status, 200);
  h.clock.advance(Duration::millis(20'500));
  Response r = h.call("GET", "/products");
  EXPECT_TRUE(IsError(r, 429, 28));
  EXPECT_EQ(r.headers.get("Retry-After"), "40");  // 39.5 s left, rounded up
}

}  // namespace
}  // namespace lpsync::fakes::picqer
