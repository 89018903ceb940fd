// LiveClock numbers callbacks and hands over every reading; ReplayClock gives the readings
// back in order and runs callbacks in the order the live clock did.
#include <gtest/gtest.h>

#include <thread>

#include "engine/env/live_clock.h"
#include "engine/env/replay_clock.h"

namespace lpsync {
namespace {

TEST(LiveClock, NumbersCallbacksAndRecordsReadings) {
  SystemClock wall;
  LiveClock clock(wall);
  std::vector<Instant> readings;
  clock.record_readings([&](Instant t) { readings.push_back(t); });
  std::vector<std::pair<std::string, int64_t>> ran;
  Instant start = clock.now();
  clock.call_at(start, [&] { ran.emplace_back("timer", clock.callbacks()); });
  EXPECT_EQ(clock.next_deadline(), start);
  clock.post([&] { ran.emplace_back("posted", clock.callbacks()); });
  clock.after_each_callback([&] {
    if (ran.size() == 2) wall.stop();
  });
  wall.run();
  EXPECT_EQ(ran, (std::vector<std::pair<std::string, int64_t>>{{"posted", 1}, {"timer", 2}}))
      << "work handed over from another thread runs first, as its own callback";
  EXPECT_FALSE(clock.next_deadline());
  ASSERT_EQ(readings.size(), 1u);
  EXPECT_EQ(readings[0], start);
}

TEST(LiveClock, EnginesSharingOneSystemClockFailAloneAndLeaveNothingBehind) {
  SystemClock wall;
  auto failing = std::make_unique<LiveClock>(wall);
  LiveClock healthy(wall);
  std::vector<std::string> seen;
  failing->on_error([&](const std::exception& e) {
    seen.push_back(std::string("error: ") + e.what());
    // As a worker drops a failed engine: after the callback, on the same thread.
    wall.post([&] {
      failing.reset();
      wall.stop();
    });
  });
  failing->post([] { throw std::runtime_error("lease lost"); });
  failing->post([&] { seen.push_back("a callback of the failed engine"); });
  TimerId later = failing->call_at(wall.now() + Duration::hours(1), [&] { seen.push_back("a timer of the dropped engine"); });
  healthy.post([&] { seen.push_back("the other engine carries on"); });
  wall.run();
  EXPECT_EQ(seen, (std::vector<std::string>{"error: lease lost", "the other engine carries on"}));
  EXPECT_EQ(failing, nullptr);
  EXPECT_FALSE(wall.cancel(later)) << "the dropped engine's timer outlived its clock";
}

TEST(ReplayClock, ReadingsInOrderTimersByDeadlineAndInboundAtItsNumber) {
  Instant t0 = Instant::from_unix_millis(1000);
  ReplayClock clock({t0, t0 + Duration::millis(5), t0 + Duration::millis(9)});
  EXPECT_EQ(clock.now(), t0);
  std::vector<std::string> ran;
  clock.call_at(t0 + Duration::seconds(2), [&] { ran.push_back("late"); });
  clock.call_at(t0 + Duration::seconds(1), [&] { ran.push_back("early"); });
  TimerId cancelled = clock.call_at(t0, [&] { ran.push_back("cancelled"); });
  EXPECT_TRUE(clock.cancel(cancelled));
  auto inbound = [&](int64_t n) {
    if (n != 2) return false;
    ran.push_back("webhook");
    return true;
  };
  while (clock.run_next(inbound)) {
  }
  EXPECT_EQ(ran, (std::vector<std::string>{"early", "webhook", "late"}));
  EXPECT_EQ(clock.callbacks(), 3);
  EXPECT_EQ(clock.now(), t0 + Duration::millis(5));
  EXPECT_EQ(clock.now(), t0 + Duration::millis(9));
  EXPECT_FALSE(clock.overrun());
  clock.now();
  EXPECT_TRUE(clock.overrun()) << "a reading the recording does not have";
}

}  // namespace
}  // namespace lpsync
