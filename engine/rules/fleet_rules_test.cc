#include "engine/rules/fleet_rules.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace lpsync {
namespace {

TEST(FairShare, SplitsConnectionsOverLiveWorkersRoundingUp) {
  EXPECT_EQ(fair_share(200, 4), 50);
  EXPECT_EQ(fair_share(201, 4), 51);
  EXPECT_EQ(fair_share(3, 4), 1);
  EXPECT_EQ(fair_share(0, 4), 0);
  EXPECT_EQ(fair_share(7, 0), 7);  // the worker asking counts itself
}

RC_GTEST_PROP(FairShare, EveryConnectionFitsAndNoWorkerHoldsMoreThanOneAboveAnother, ()) {
  int64_t connections = *rc::gen::inRange<int64_t>(0, 5000);
  int64_t workers = *rc::gen::inRange<int64_t>(1, 64);
  int64_t share = fair_share(connections, workers);
  RC_ASSERT(share * workers >= connections);
  RC_ASSERT((share - 1) * workers < connections || connections == 0);
}

TEST(PlanLeases, ClaimsUpToTheShareFromWhatIsFree) {
  EXPECT_EQ(plan_leases(0, 50, 200), (LeasePlan{50, 0}));
  EXPECT_EQ(plan_leases(48, 50, 1), (LeasePlan{1, 0}));
  EXPECT_EQ(plan_leases(50, 50, 10), (LeasePlan{0, 0}));
}

TEST(PlanLeases, HandsBackHalfTheExcessAtATimeAboveTheShare) {
  // A fifth worker joined: the share fell from 50 to 40.
  EXPECT_EQ(plan_leases(50, 40, 0), (LeasePlan{0, 5}));
  EXPECT_EQ(plan_leases(41, 40, 5), (LeasePlan{0, 1}));
  // The first of four workers holds all 200: it is down to its share within a few beats,
  // not 150 of them.
  int64_t held = 200, beats = 0;
  while (held > 50) {
    held -= plan_leases(held, 50, 0).release;
    ++beats;
  }
  EXPECT_EQ(held, 50);
  EXPECT_LE(beats, 8);
}

TEST(MayStartWrite, OnlyWithMoreThanTheMarginLeft) {
  Instant now = Instant::from_unix_seconds(1'000);
  Duration margin = Duration::seconds(10);
  EXPECT_TRUE(may_start_write(now + Duration::seconds(25), now, margin));
  EXPECT_FALSE(may_start_write(now + Duration::seconds(10), now, margin));
  EXPECT_FALSE(may_start_write(now - Duration::seconds(1), now, margin));
}

TEST(ActOnIntentsAfter, TheOldLeasePlusTheLongestRequest) {
  Instant ended = Instant::from_unix_seconds(1'000);
  EXPECT_EQ(act_on_intents_after(ended, Duration::seconds(30)), ended + Duration::seconds(30));
}

}  // namespace
}  // namespace lpsync
