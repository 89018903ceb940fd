#include "engine/jobs/held_since.h"

#include <gtest/gtest.h>

namespace lpsync {
namespace {

const Instant kT0 = *parse_iso8601("2026-11-02T08:00:00Z");

TEST(HeldSince, KeepsTheFirstTimeForTheSameReason) {
  std::vector<HeldOrder> before = {{1, "ORD1", HeldReason::duplicate_sku, kT0}, {2, "ORD2", HeldReason::not_paid, kT0}};
  Instant later = kT0 + Duration::hours(3);
  std::vector<HeldOrder> now = {{1, "ORD1", HeldReason::duplicate_sku, later},
                                {2, "ORD2", HeldReason::missing_sku, later},
                                {3, "ORD3", HeldReason::not_paid, later}};
  auto kept = held_since(before, now);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept[0].decided_at, kT0);     // still held for the same reason: its age goes on
  EXPECT_EQ(kept[1].decided_at, later);   // a new reason: a new age
  EXPECT_EQ(kept[2].decided_at, later);   // newly held
}

TEST(HeldSince, TheStoreKeepsItAcrossPollsAndReleasedOrdersStartAgain) {
  MemoryStateStore memory;
  HeldSinceStore store(memory);
  store.put_held({{1, "ORD1", HeldReason::not_paid, kT0}});
  store.put_held({{1, "ORD1", HeldReason::not_paid, kT0 + Duration::minutes(5)}});
  EXPECT_EQ(memory.held().at(0).decided_at, kT0);
  store.put_held({});
  store.put_held({{1, "ORD1", HeldReason::not_paid, kT0 + Duration::minutes(15)}});
  EXPECT_EQ(memory.held().at(0).decided_at, kT0 + Duration::minutes(15));
}

}  // namespace
}  // namespace lpsync
