#include "tools/bench/bulk_bench.h"

#include <gtest/gtest.h>

namespace lpsync::bench {
namespace {

TEST(LeastSeconds, FollowsTheTightestWindow) {
  // 20 per second: 100 requests need 4 further seconds after the first 20.
  EXPECT_DOUBLE_EQ(least_seconds_for(100, {{20, Duration::seconds(1), false}}), 4.0);
  EXPECT_DOUBLE_EQ(least_seconds_for(20, {{20, Duration::seconds(1), false}}), 0.0);
  // Lightspeed: 3,000 an hour binds before 300 per 5 minutes would allow 3,600.
  double t = least_seconds_for(3001, lightspeed_limits());
  EXPECT_GE(t, 3600.0);
  EXPECT_LT(t, 3601.0);
  // Picqer: 500 a minute.
  EXPECT_DOUBLE_EQ(least_seconds_for(1001, picqer_limits()), 120.0);
}

}  // namespace
}  // namespace lpsync::bench
