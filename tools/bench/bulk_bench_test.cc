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

TEST(FewestImportRequests, PagesImageListsAndPerProductWrites) {
  // 10,000 products of one variant and two images, none in Picqer yet.
  RequestCount r = fewest_import_requests({10000, 10000, 10000, 20000, 0, 10000, 10000});
  // Picqer's 500 a minute allow 125 creates of 4 requests: 80 minutes, a fresh read each.
  EXPECT_EQ(r.lightspeed, 1 + 41 + 41 + 10000 + 80);
  EXPECT_EQ(r.picqer, 2 + 1 + 1 + 10000 + 20000 + 10000);
}

TEST(FewestImportRequests, AProductsOnlyImageComesWithIt) {
  RequestCount r = fewest_import_requests({100, 100, 0, 100, 0, 100, 0});
  EXPECT_EQ(r.lightspeed, 1 + 1 + 1 + 1);
  EXPECT_EQ(r.picqer, 2 + 1 + 1 + 100 + 100);
}

TEST(OrderRequests, APollAndALinesReadInTheShopThreeCallsInPicqer) {
  RequestCount r = order_requests(12, 6);
  EXPECT_EQ(r.lightspeed, 18);
  EXPECT_EQ(r.picqer, 18);
}

}  // namespace
}  // namespace lpsync::bench
