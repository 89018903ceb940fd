// The fleet's catalogue and leases on a real PostgreSQL: connections added and removed, claims
// that never overlap, expiry, hand-back, and the fence after a lease moved.
#include "engine/state/pg_fleet.h"

#include <gtest/gtest.h>

#include <set>

#include "engine/state/pg_schema.h"
#include "engine/state/pg_store_factory.h"

namespace lpsync::fleet {
namespace {

std::unique_ptr<pg::Db> connect(const std::string& url) {
  auto db = pg::Db::connect(url);
  if (!db.ok()) throw std::runtime_error(db.error().message);
  return std::move(db).value();
}

class Fleet : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = testing::fresh_pg_database();
    a_db_ = connect(url_);
    b_db_ = connect(url_);
    pg::migrate(*a_db_);
    for (int i = 1; i <= 5; ++i) ASSERT_TRUE(add_connection(*a_db_, "shop-" + std::to_string(i), "{}").ok());
  }
  // Ends a's leases as if its worker had stopped renewing them.
  void expire_leases_of(const std::string& worker) {
    a_db_->exec("expire", "UPDATE leases SET expires_at = clock_timestamp() - interval '1 second' WHERE worker = $1",
                {worker});
  }
  std::string url_;
  std::unique_ptr<pg::Db> a_db_, b_db_;
};

TEST_F(Fleet, ConnectionsAreAddedListedAndRemovedWithTheirState) {
  auto again = add_connection(*a_db_, "shop-1", "{}");
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("already a connection named shop-1"), std::string::npos);
  std::vector<ConnectionRow> all = list_connections(*a_db_);
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[0].name, "shop-1");
  EXPECT_FALSE(all[0].leased);
  LeaseBook a(*a_db_, "a", Duration::seconds(30));
  std::vector<Claim> claimed = a.claim(1);
  ASSERT_EQ(claimed.size(), 1u);
  auto store = testing::open_pg(url_, claimed[0].lease);
  store->put_value("cursor", "x");
  EXPECT_TRUE(remove_connection(*a_db_, "shop-1"));
  EXPECT_FALSE(remove_connection(*a_db_, "shop-1"));
  EXPECT_EQ(a_db_->exec("count", "SELECT count(*) FROM named_values").integer(0, 0), 0);
  EXPECT_EQ(list_connections(*a_db_).size(), 4u);
}

TEST_F(Fleet, AConnectionIsFoundByNameWithItsLeaseAndItsConfigReplaced) {
  EXPECT_FALSE(find_connection(*a_db_, "shop-9"));
  LeaseBook a(*a_db_, "a", Duration::seconds(30));
  ASSERT_EQ(a.claim(1).size(), 1u);  // the lowest id: shop-1
  auto one = find_connection(*a_db_, "shop-1");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->name, "shop-1");
  EXPECT_EQ(one->worker, "a");
  EXPECT_TRUE(one->leased);
  auto two = find_connection(*a_db_, "shop-2");
  ASSERT_TRUE(two);
  EXPECT_FALSE(two->leased);
  EXPECT_TRUE(replace_config(*a_db_, "shop-2", "{\"x\": 1}"));
  EXPECT_EQ(find_connection(*a_db_, "shop-2")->config, "{\"x\": 1}");
  EXPECT_EQ(find_connection(*a_db_, "shop-1")->config, "{}");
  EXPECT_FALSE(replace_config(*a_db_, "shop-9", "{}"));
}

TEST_F(Fleet, TwoWorkersNeverClaimTheSameConnection) {
  LeaseBook a(*a_db_, "a", Duration::seconds(30)), b(*b_db_, "b", Duration::seconds(30));
  std::vector<Claim> mine = a.claim(3), theirs = b.claim(3);
  EXPECT_EQ(mine.size(), 3u);
  EXPECT_EQ(theirs.size(), 2u);
  std::set<int64_t> ids;
  for (const auto& c : mine) ids.insert(c.lease.connection_id);
  for (const auto& c : theirs) ids.insert(c.lease.connection_id);
  EXPECT_EQ(ids.size(), 5u);
  EXPECT_TRUE(a.claim(1).empty());
  EXPECT_EQ(a.free_connections(), 0);
  EXPECT_FALSE(mine[0].previous_ended);  // nobody held it before
}

TEST_F(Fleet, AClaimSkipsALeaseAnotherWorkerIsClaimingRightNow) {
  LeaseBook b(*b_db_, "b", Duration::seconds(30));
  std::vector<Claim> got;
  a_db_->write("hold a lease row", [&] {
    a_db_->exec("lock", "SELECT 1 FROM leases ORDER BY connection_id LIMIT 1 FOR UPDATE");
    got = b.claim(5);  // would block without SKIP LOCKED
  });
  EXPECT_EQ(got.size(), 4u);
}

TEST_F(Fleet, AnExpiredLeaseMovesAndTheOldOwnerCanNeitherRenewNorWrite) {
  LeaseBook a(*a_db_, "a", Duration::seconds(30)), b(*b_db_, "b", Duration::seconds(30));
  Claim first = a.claim(1).at(0);
  auto a_store = testing::open_pg(url_, first.lease);
  a_store->put_value("cursor", "a");
  expire_leases_of("a");
  Claim second = b.claim(1).at(0);
  EXPECT_EQ(second.lease.connection_id, first.lease.connection_id);
  EXPECT_EQ(second.lease.token, first.lease.token + 1);
  ASSERT_TRUE(second.previous_ended);  // a may have had a request in flight
  EXPECT_LE(*second.previous_ended, second.claimed_at);
  std::vector<LeaseToken> lost = a.renew({first.lease});
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_THROW(a_store->put_value("cursor", "late"), LeaseLost);
  EXPECT_EQ(testing::open_pg(url_, second.lease)->value("cursor"), "a");
}

TEST_F(Fleet, AHandedBackLeaseIsFreeAtOnceAndCarriesNoRequestInFlight) {
  LeaseBook a(*a_db_, "a", Duration::seconds(30)), b(*b_db_, "b", Duration::seconds(30));
  Claim first = a.claim(1).at(0);
  EXPECT_TRUE(a.renew({first.lease}).empty());
  a.release(first.lease);
  EXPECT_THROW(testing::open_pg(url_, first.lease)->put_value("k", "v"), LeaseLost);
  Claim second = b.claim(1).at(0);
  EXPECT_EQ(second.lease.connection_id, first.lease.connection_id);
  EXPECT_FALSE(second.previous_ended);
}

TEST_F(Fleet, OnlyWorkersSeenWithinALeasePeriodCount) {
  LeaseBook a(*a_db_, "a", Duration::seconds(30)), b(*b_db_, "b", Duration::seconds(30));
  EXPECT_EQ(a.heartbeat(), 1);
  EXPECT_EQ(b.heartbeat(), 2);
  a_db_->exec("age", "UPDATE workers SET seen_at = clock_timestamp() - interval '31 seconds' WHERE name = 'a'");
  EXPECT_EQ(b.heartbeat(), 1);
  EXPECT_EQ(a.connections(), 5);
}

}  // namespace
}  // namespace lpsync::fleet
