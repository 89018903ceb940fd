// The fleet console's database sessions: pages are served at once, each on a session of a
// small pool, not one after the other on a single session.
#include "tools/console/fleet_source.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "tools/pg/postgres_suite.h"

namespace lpsync::console {
namespace {

constexpr auto kDeadline = std::chrono::seconds(20);

class FleetSourceTest : public FreshDatabaseTest {};

// A page whose work waits for a second page's to begin: with one session for all, the second
// could only begin after the first ended, so the first would wait in vain.
TEST_F(FleetSourceTest, TwoPagesAtOnceEachGetASession) {
  FleetSource source(url_);
  std::promise<void> first_inside, second_began;
  std::future<void> inside = first_inside.get_future();
  std::future<void> began = second_began.get_future();
  bool first_saw_second = false;
  std::string error_a, error_b;
  std::thread first([&] {
    EXPECT_TRUE(source.with_db(
        [&](auto&) {
          first_inside.set_value();
          first_saw_second = began.wait_for(kDeadline) == std::future_status::ready;
        },
        error_a))
        << error_a;
  });
  // The second page comes while the first holds its session.
  ASSERT_EQ(inside.wait_for(kDeadline), std::future_status::ready);
  EXPECT_TRUE(source.with_db([&](auto&) { second_began.set_value(); }, error_b)) << error_b;
  first.join();
  EXPECT_TRUE(first_saw_second);
}

// A body that throws loses its session (it may be broken); the next page gets a working one.
TEST_F(FleetSourceTest, ASessionThatFailedIsNotUsedAgain) {
  FleetSource source(url_);
  std::string error;
  EXPECT_FALSE(source.with_db([](auto&) { throw std::runtime_error("the session broke"); }, error));
  EXPECT_NE(error.find("the session broke"), std::string::npos) << error;
  error.clear();
  std::optional<int> sum;
  EXPECT_TRUE(source.with_db([&](auto& db) { sum = std::stoi(*db->exec("sum", "SELECT 1 + 1").text(0, 0)); }, error))
      << error;
  EXPECT_EQ(sum, 2);
}

// A database that cannot be reached is said so, with no password shown.
TEST(FleetSourceNoDatabase, AnUnreachableDatabaseIsSaidSo) {
  FleetSource source("host=/nonexistent-lpsync-socket-dir user=lpsync password=hunter2-secret dbname=fleet");
  std::string error;
  EXPECT_FALSE(source.with_db([](auto&) {}, error));
  EXPECT_NE(error.find("Cannot reach the fleet database"), std::string::npos) << error;
  EXPECT_EQ(error.find("hunter2-secret"), std::string::npos) << error;
}

}  // namespace
}  // namespace lpsync::console
