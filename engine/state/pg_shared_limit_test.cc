// The rate limit shared on PostgreSQL: connections on one account (each with its own store and
// session, as on different workers) share one count per window; other accounts have their own.
#include "engine/state/pg_shared_limit.h"

#include <gtest/gtest.h>

#include "engine/state/pg_store_factory.h"

namespace lpsync {
namespace {

TEST(PgSharedLimit, ConnectionsOnOneAccountShareEachWindowsCount) {
  std::string url = testing::fresh_pg_database();
  auto a_store = testing::open_pg(url, {testing::add_leased_connection(url, "shop-a"), 1});
  auto b_store = testing::open_pg(url, {testing::add_leased_connection(url, "shop-b"), 1});
  auto c_store = testing::open_pg(url, {testing::add_leased_connection(url, "shop-c"), 1});
  // 6 a minute in 1-minute windows: 3 a window. A window long enough that the test does not
  // cross its edge unnoticed: when it does, every count starts afresh and the test repeats.
  WindowLimit limit{6, Duration::minutes(1)};
  PgSharedRateLimit a(*a_store, "picqer:acme.picqer.com", limit, Duration::minutes(1));
  PgSharedRateLimit b(*b_store, "picqer:acme.picqer.com", limit, Duration::minutes(1));
  PgSharedRateLimit elsewhere(*c_store, "picqer:other.picqer.com", limit, Duration::minutes(1));
  Instant now = Instant::from_unix_seconds(1'800'000'000);
  for (int attempt = 0; attempt < 3; ++attempt) {
    int taken_a = 0, taken_b = 0;
    taken_a += !a.take(Priority::orders, now);
    taken_b += !b.take(Priority::orders, now);
    taken_a += !a.take(Priority::orders, now);
    std::optional<Instant> full = b.take(Priority::orders, now);
    if (!full) continue;  // a new window began meanwhile: try again
    EXPECT_EQ(taken_a + taken_b, 3);
    EXPECT_GT(*full, now);
    EXPECT_LE(*full, now + Duration::minutes(1));
    EXPECT_FALSE(elsewhere.take(Priority::orders, now)) << "another account has its own count";
    EXPECT_TRUE(a.take(Priority::bulk, now)) << "a bulk import may not fill the window";
    return;
  }
  FAIL() << "three attempts each crossed a window edge";
}

}  // namespace
}  // namespace lpsync
