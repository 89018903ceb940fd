// The crash points of crash_points_test on PostgreSQL (issue 18: the crash-point tests run on
// both stores): every HTTP exchange of the order import and of the follow-up of imported
// orders, a crash before and after each answer, a restart on the same connection's state in a
// throwaway PostgreSQL, and the same end as without the crash with nothing done twice. Each
// run gets its own leased connection in one database; a crash drops the store's database
// session, so a transaction it had open is rolled back as a killed process's would be.
#include <gtest/gtest.h>

#include "engine/state/pg_store_factory.h"
#include "tests/crash/expect_recovers.h"

namespace lpsync::crash {
namespace {

StoreMaker pg_stores() {
  std::string url = testing::fresh_pg_database();
  return [url](const std::string& name) {
    LeaseToken lease{testing::add_leased_connection(url, name), 1};
    return FreshStore{[url, lease] { return std::unique_ptr<StateStore>(testing::open_pg(url, lease)); }, [] {}};
  };
}

void expect_every_crash_point_recovers(const std::string& name) {
  crash::expect_every_crash_point_recovers(name, pg_stores(), "PostgreSQL");
}

TEST(PgCrashPoints, OrderImportCreatingProducts) { expect_every_crash_point_recovers("order-import-creates-products"); }

TEST(PgCrashPoints, OrderFollowUp) { expect_every_crash_point_recovers("order-follow-up"); }

}  // namespace
}  // namespace lpsync::crash
