// Crash-point enumeration, the quick set run by ./test: every HTTP exchange of three small
// scenarios (an order import that creates products with images and base stock, the follow-up
// of imported orders, a shipment push, and an order imported by hand), a crash before and after each answer, a restart on the same SQLite
// database, and the same end as without the crash with nothing created twice. The
// exhaustive sweep over every crash scenario: `bazel run //tests/crash:exhaustive`.
#include <gtest/gtest.h>

#include "tests/crash/crash_run.h"
#include "tests/crash/expect_recovers.h"

namespace lpsync::crash {
namespace {

void expect_every_crash_point_recovers(const std::string& name) {
  crash::expect_every_crash_point_recovers(name, sqlite_stores(work_dir(name)), "SQLite");
}

TEST(CrashPoints, OrderImportCreatingProducts) { expect_every_crash_point_recovers("order-import-creates-products"); }

TEST(CrashPoints, OrderFollowUp) { expect_every_crash_point_recovers("order-follow-up"); }

TEST(CrashPoints, ShipmentPush) { expect_every_crash_point_recovers("shipment-push"); }

// An order imported by hand after it left the window: the request is lost with the process,
// the person asks again, and the order ends imported once.
TEST(CrashPoints, ImportOrderByHand) { expect_every_crash_point_recovers("import-order-by-hand"); }

// A full disk refusing any one store write: the engine stops (it never carries on as if the
// write were stored), restarts, and ends as if nothing had happened.
TEST(CrashPoints, EveryRefusedStoreWriteOfAnOrderImport) {
  scenario::Scenario s = load_crash_scenario("order-import-creates-products");
  SweepResult r = sweep_store_failures(s, work_dir("store-writes"));
  EXPECT_GT(r.steps, 10);
  for (const auto& f : r.failures) ADD_FAILURE() << f;
  std::cout << s.name << ": " << r.points_checked << " refused store writes checked\n";
}

}  // namespace
}  // namespace lpsync::crash
