#include "engine/env/locked_clock.h"

#include <gtest/gtest.h>

#include <mutex>

namespace lpsync {
namespace {

const Instant kStart = Instant::from_unix_seconds(1'800'000'000);

TEST(LockedClock, TimersRunHoldingTheMutex) {
  SimClock inner(kStart);
  std::mutex mutex;
  LockedClock clock(inner, mutex);
  bool ran = false, held = false;
  clock.call_after(Duration::seconds(1), [&] {
    ran = true;
    held = !mutex.try_lock();
    if (!held) mutex.unlock();
  });
  inner.advance(Duration::seconds(1));
  EXPECT_TRUE(ran);
  EXPECT_TRUE(held) << "the callback ran without the mutex";
  EXPECT_TRUE(mutex.try_lock()) << "the mutex stays held after the callback";
  mutex.unlock();
}

TEST(LockedClock, TimeAndCancellationAreThoseOfTheClockUnderneath) {
  SimClock inner(kStart);
  std::mutex mutex;
  LockedClock clock(inner, mutex);
  bool fired = false;
  TimerId id = clock.call_after(Duration::seconds(5), [&] { fired = true; });
  inner.advance(Duration::seconds(2));
  EXPECT_EQ(clock.now(), kStart + Duration::seconds(2));
  EXPECT_TRUE(clock.cancel(id));
  EXPECT_FALSE(clock.cancel(id));
  inner.advance(Duration::seconds(5));
  EXPECT_FALSE(fired);
}

}  // namespace
}  // namespace lpsync
