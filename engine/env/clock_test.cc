#include "engine/env/clock.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace lpsync {
namespace {

const Instant kStart = Instant::from_unix_seconds(1'800'000'000);

TEST(SimClock, StandsStillUntilTold) {
  SimClock clock(kStart);
  bool fired = false;
  clock.call_after(Duration::seconds(10), [&] { fired = true; });
  EXPECT_EQ(clock.now(), kStart);
  EXPECT_FALSE(fired);
  clock.advance(Duration::seconds(9));
  EXPECT_FALSE(fired);
  EXPECT_EQ(clock.now(), kStart + Duration::seconds(9));
  clock.advance(Duration::seconds(1));
  EXPECT_TRUE(fired);
}

TEST(SimClock, EqualDeadlinesFireInTheOrderTheyWereSet) {
  SimClock clock(kStart);
  std::string order;
  clock.call_at(kStart + Duration::seconds(5), [&] { order += "c"; });
  clock.call_at(kStart + Duration::seconds(1), [&] { order += "a"; });
  clock.call_at(kStart + Duration::seconds(5), [&] { order += "d"; });
  clock.call_at(kStart + Duration::seconds(1), [&] { order += "b"; });
  clock.run_until(kStart + Duration::seconds(5));
  EXPECT_EQ(order, "abcd");
}

TEST(SimClock, RunNextJumpsToTheEarliestTimerAndSeesItsTime) {
  SimClock clock(kStart);
  Instant seen;
  clock.call_after(Duration::hours(3), [&] { seen = clock.now(); });
  EXPECT_TRUE(clock.run_next());
  EXPECT_EQ(seen, kStart + Duration::hours(3));
  EXPECT_FALSE(clock.run_next());
}

TEST(SimClock, TimersMaySetAndCancelTimers) {
  SimClock clock(kStart);
  std::vector<int> fired;
  TimerId later = clock.call_after(Duration::seconds(20), [&] { fired.push_back(20); });
  clock.call_after(Duration::seconds(10), [&] {
    fired.push_back(10);
    clock.cancel(later);
    clock.call_after(Duration::seconds(0), [&] { fired.push_back(11); });
  });
  clock.run_until(kStart + Duration::minutes(1));
  EXPECT_EQ(fired, (std::vector<int>{10, 11}));
  EXPECT_FALSE(clock.cancel(later));
  EXPECT_EQ(clock.pending(), 0u);
}

TEST(SimClock, PastDeadlinesFireWithoutMovingTimeBack) {
  SimClock clock(kStart);
  Instant seen;
  clock.call_at(kStart - Duration::hours(1), [&] { seen = clock.now(); });
  clock.run_next();
  EXPECT_EQ(seen, kStart);
}

TEST(SimClock, RunUntilNeverMovesBackwards) {
  SimClock clock(kStart);
  clock.run_until(kStart - Duration::seconds(5));
  EXPECT_EQ(clock.now(), kStart);
}

TEST(SystemClock, RunsPostedWorkOnTheRunThreadAndStops) {
  SystemClock clock;
  Instant before = clock.now();
  EXPECT_GT(before.unix_seconds(), 1'600'000'000);  // a plausible wall-clock reading
  std::vector<int> ran;
  std::thread other([&] {
    clock.post([&] { ran.push_back(1); });
    clock.post([&] {
      ran.push_back(2);
      clock.stop();
    });
  });
  clock.run();
  other.join();
  EXPECT_EQ(ran, (std::vector<int>{1, 2}));
}

}  // namespace
}  // namespace lpsync
