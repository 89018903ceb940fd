// The sync rules for every history RapidCheck generates (issue 8). Each property is its
// own test; the last test fails if the sweep never reached some fault kind, held reason or
// retry path. Long sweeps: lpsync check-properties --seeds N.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "engine/state/pg_store_factory.h"
#include "tools/properties/property.h"

namespace lpsync::properties {
namespace {

RC_GTEST_PROP(SyncRules, TwelveHourWindow, ()) { check(Property::window); }
RC_GTEST_PROP(SyncRules, DuplicateSkusNeverUsed, ()) { check(Property::unique_skus); }
RC_GTEST_PROP(SyncRules, ReadOnlySendsOnlyGets, ()) { check(Property::read_only); }
RC_GTEST_PROP(SyncRules, AtMostOnce, ()) { check(Property::at_most_once); }
RC_GTEST_PROP(SyncRules, NothingLost, ()) { check(Property::nothing_lost); }

// At most once again, with the state on PostgreSQL (issue 18): each history on its own leased
// connection in one throwaway database, reopened after every crash and restart.
TEST(SyncRulesOnPostgres, AtMostOnce) {
  std::string url = lpsync::testing::fresh_pg_database();
  auto sqlite = durable_history_store();
  int64_t histories = 0;
  durable_history_store() = [&] {
    LeaseToken lease{lpsync::testing::add_leased_connection(url, "history-" + std::to_string(++histories)), 1};
    return DurableHistoryStore{[url, lease] { return std::unique_ptr<StateStore>(lpsync::testing::open_pg(url, lease)); },
                               [] {}};
  };
  bool held = rc::check("at most once, on PostgreSQL", [] { check(Property::at_most_once); });
  durable_history_store() = sqlite;
  EXPECT_TRUE(held);
  EXPECT_GT(histories, 0);
}
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
