// The rate limit shared by the shops on one account: never more than the API's limit in any
// span of its length, most of it usable, and the lower priorities leave room for orders.
#include "engine/client/shared_limit.h"

#include <gtest/gtest.h>

#include <deque>

namespace lpsync {
namespace {

const Instant kT = Instant::from_unix_seconds(1'800'000'003);  // not on a window edge

TEST(SharedLimit, NoMinuteEverSeesMoreThanTheLimitYetMostOfItIsUsable) {
  WindowLimit picqer = picqer_limits().at(0);
  MemorySharedRateLimit shared(picqer, kSharedPicqerWindow);
  // Engines ask as fast as they can, every 10 ms, for five minutes.
  std::deque<Instant> granted;
  size_t most_in_a_minute = 0, total = 0;
  for (Instant t = kT; t < kT + Duration::minutes(5); t = t + Duration::millis(10)) {
    if (shared.take(Priority::orders, t)) continue;
    granted.push_back(t);
    ++total;
    while (granted.front() <= t - picqer.length) granted.pop_front();
    most_in_a_minute = std::max(most_in_a_minute, granted.size());
  }
  EXPECT_LE(most_in_a_minute, 500u);
  EXPECT_GE(total, 5u * 450u) << "the shared limit wastes more than a tenth of the budget";
}

TEST(SharedLimit, ABulkImportLeavesEachWindowRoomForOrders) {
  MemorySharedRateLimit shared(picqer_limits().at(0), kSharedPicqerWindow);
  int bulk = 0;
  while (!shared.take(Priority::bulk, kT)) ++bulk;
  EXPECT_EQ(bulk, shared_cap(38, Priority::bulk));
  std::optional<Instant> wait = shared.take(Priority::bulk, kT);
  ASSERT_TRUE(wait);
  EXPECT_EQ(*wait, Instant::from_unix_seconds(1'800'000'005)) << "the next window";
  int orders = 0;
  while (!shared.take(Priority::orders, kT)) ++orders;
  EXPECT_EQ(bulk + orders, 38);
  EXPECT_FALSE(shared.take(Priority::bulk, *wait)) << "a new window counts afresh";
}

TEST(SharedLimit, WindowsAreCountedSoAnySpanFitsTheLimit) {
  SharedWindows w = shared_windows({500, Duration::minutes(1)}, Duration::seconds(5));
  EXPECT_EQ(w.per_window, 38);  // a minute touches 13 five-second windows: 13 x 38 = 494
  EXPECT_EQ(shared_windows({500, Duration::minutes(1)}, Duration::minutes(1)).per_window, 250);
  EXPECT_EQ(shared_windows({3, Duration::minutes(1)}, Duration::seconds(1)).per_window, 1);
}

}  // namespace
}  // namespace lpsync
