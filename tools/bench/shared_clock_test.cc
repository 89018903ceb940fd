#include "tools/bench/shared_clock.h"

#include <gtest/gtest.h>

#include "tools/bench/in_child.h"
#include "tools/bench/shared_object.h"

namespace lpsync::bench {
namespace {

const Instant kStart = Instant::from_unix_millis(1'800'000'000'000);

TEST(SharedClockTest, AnotherProcessReadsTheInstantOfTheTimerBeingRun) {
  SharedObject<SharedMillis> shared;
  shared->store(kStart.unix_millis());
  SimClock clock(kStart);
  std::optional<ChildResult> seen;
  clock.call_at(kStart + Duration::seconds(5), [&] {
    seen = run_in_child([&] { return SharedClock(*shared).now().unix_millis(); });
  });
  ASSERT_TRUE(publish_and_run_next(clock, *shared));
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->value, (kStart + Duration::seconds(5)).unix_millis());
  EXPECT_FALSE(publish_and_run_next(clock, *shared));
}

TEST(SharedClockTest, TheSharedTimeNeverGoesBack) {
  SharedObject<SharedMillis> shared;
  SimClock clock(kStart + Duration::minutes(1));
  Instant in_callback;
  clock.call_at(kStart, [&] { in_callback = SharedClock(*shared).now(); });
  ASSERT_TRUE(publish_and_run_next(clock, *shared));
  EXPECT_EQ(in_callback, kStart + Duration::minutes(1));
}

TEST(SharedClockTest, TimersFireWhenDueAtTheSharedTime) {
  SharedObject<SharedMillis> shared;
  shared->store(kStart.unix_millis());
  SharedClock reader(*shared);
  std::vector<Instant> fired;
  reader.call_at(kStart + Duration::seconds(2), [&] { fired.push_back(reader.now()); });
  TimerId later = reader.call_at(kStart + Duration::seconds(9), [&] { fired.push_back(reader.now()); });
  reader.fire_due();
  EXPECT_TRUE(fired.empty());
  shared->store((kStart + Duration::seconds(3)).unix_millis());
  reader.fire_due();
  EXPECT_EQ(fired, std::vector<Instant>{kStart + Duration::seconds(3)});
  EXPECT_TRUE(reader.cancel(later));
  shared->store((kStart + Duration::seconds(10)).unix_millis());
  reader.fire_due();
  EXPECT_EQ(fired.size(), 1u);
}

}  // namespace
}  // namespace lpsync::bench
