// The sync rules for every history RapidCheck generates (issue 8). Each property is its
// own test; the last test fails if the sweep never reached some fault kind, held reason or
// retry path. Long sweeps: lpsync check-properties --seeds N.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "tools/properties/property.h"

namespace lpsync::properties {
namespace {

RC_GTEST_PROP(SyncRules, TwelveHourWindow, ()) { check(Property::window); }
RC_GTEST_PROP(SyncRules, DuplicateSkusNeverUsed, ()) { check(Property::unique_skus); }
RC_GTEST_PROP(SyncRules, ReadOnlySendsOnlyGets, ()) { check(Property::read_only); }
RC_GTEST_PROP(SyncRules, AtMostOnce, ()) { check(Property::at_most_once); }
RC_GTEST_PROP(SyncRules, NothingLost, ()) { check(Property::nothing_lost); }
RC_GTEST_PROP(SyncRules, StockConverges, ()) { check(Property::stock); }
RC_GTEST_PROP(SyncRules, Deterministic, ()) { check(Property::determinism); }

TEST(SyncRulesSweep, ReachedEveryFaultHeldReasonAndRetryPath) {
  const Coverage& c = coverage();
  ASSERT_GT(c.histories, 0);
  std::string missing;
  for (const auto& name : c.never_reached()) missing += "\n  " + name;
  EXPECT_TRUE(missing.empty()) << "the sweep of " << c.histories << " histories never reached:" << missing;
  for (const auto& [name, n] : c.reached) std::cout << name << ": " << n << "\n";
}

}  // namespace
}  // namespace lpsync::properties
