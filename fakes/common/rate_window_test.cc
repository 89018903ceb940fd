#include "fakes/common/rate_window.h"

#include <gtest/gtest.h>

namespace lpsync::fakes {
namespace {

const Instant kT0 = Instant::from_unix_seconds(1'800'000'000);

TEST(RateWindow, CountsFromTheFirstRequestAndResets) {
  RateWindow w(3, Duration::minutes(5));
  EXPECT_EQ(w.remaining(kT0), 3);
  EXPECT_EQ(w.reset_in(kT0), Duration::minutes(5));
  EXPECT_TRUE(w.try_take(kT0));
  EXPECT_TRUE(w.try_take(kT0 + Duration::seconds(10)));
  EXPECT_TRUE(w.try_take(kT0 + Duration::seconds(20)));
  EXPECT_FALSE(w.try_take(kT0 + Duration::seconds(30)));
  EXPECT_EQ(w.remaining(kT0 + Duration::seconds(30)), 0);
  EXPECT_EQ(w.reset_in(kT0 + Duration::seconds(30)), Duration::seconds(270));
  // A new window opens with the first request after the old one ended.
  EXPECT_TRUE(w.try_take(kT0 + Duration::minutes(5)));
  EXPECT_EQ(w.remaining(kT0 + Duration::minutes(5)), 2);
  EXPECT_EQ(w.reset_in(kT0 + Duration::minutes(6)), Duration::minutes(4));
}

}  // namespace
}  // namespace lpsync::fakes
