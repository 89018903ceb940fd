// What only the PostgreSQL store does: many connections in one database, the lease fence on
// every write, and refusals on open.
#include "engine/state/pg_state_store.h"

#include <gtest/gtest.h>

#include "engine/state/pg_db.h"
#include "engine/state/pg_schema.h"
#include "engine/state/pg_store_factory.h"

namespace lpsync {
namespace {

const Instant kT = Instant::from_unix_seconds(1'800'000'000);

std::unique_ptr<pg::Db> admin(const std::string& url) {
  auto db = pg::Db::connect(url);
  if (!db.ok()) throw std::runtime_error(db.error().message);
  return std::move(db).value();
}

class PgStore : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = testing::fresh_pg_database();
    id_ = testing::add_leased_connection(url_, "shop-a");
    store_ = testing::open_pg(url_, {id_, 1});
    admin_ = admin(url_);
  }
  // Another worker claims the connection: the token moves on.
  void claim_by_another_worker() {
    admin_->exec("claim", "UPDATE leases SET token = token + 1, worker = 'other' WHERE connection_id = $1", {id_});
  }
  std::string url_;
  int64_t id_ = 0;
  std::unique_ptr<PgStateStore> store_;
  std::unique_ptr<pg::Db> admin_;
};

TEST_F(PgStore, ConnectionsInOneDatabaseKeepTheirStateApart) {
  int64_t other = testing::add_leased_connection(url_, "shop-b");
  auto b = testing::open_pg(url_, {other, 1});
  store_->put_order_link({1, "ORD1", 100, false, kT});
  b->put_order_link({1, "B-ORD1", 100, true, kT});  // the same ids in another shop are fine
  store_->put_value("cursor", "a");
  EXPECT_EQ(store_->order_link(1)->number, "ORD1");
  EXPECT_EQ(b->order_link(1)->number, "B-ORD1");
  EXPECT_FALSE(b->value("cursor"));
}

TEST_F(PgStore, StoresSharingOneSessionKeepTheirStateAndTheirFencesApart) {
  int64_t other = testing::add_leased_connection(url_, "shop-b");
  std::shared_ptr<pg::Db> session = admin(url_);
  auto a = PgStateStore::open_shared(session, {id_, 1});
  auto b = PgStateStore::open_shared(session, {other, 1});
  ASSERT_TRUE(a.ok() && b.ok());
  a.value()->put_order_link({1, "ORD1", 100, false, kT});
  b.value()->put_order_link({1, "B-ORD1", 100, true, kT});
  claim_by_another_worker();  // shop-a's lease moves on; shop-b's stays
  EXPECT_THROW(a.value()->put_order_link({2, "ORD2", 101, false, kT}), LeaseLost);
  b.value()->put_order_link({2, "B-ORD2", 101, true, kT});
  EXPECT_FALSE(a.value()->order_link(2));
  EXPECT_EQ(b.value()->order_link(2)->number, "B-ORD2");
  EXPECT_EQ(a.value()->order_link(1)->number, "ORD1");
  auto gone = PgStateStore::open_shared(session, {9999, 1});
  ASSERT_FALSE(gone.ok());
  EXPECT_NE(gone.error().message.find("no connection 9999"), std::string::npos) << gone.error().message;
}

TEST_F(PgStore, AWriteAfterAnotherWorkerClaimedTheLeaseIsRefusedAndStoresNothing) {
  store_->put_order_link({1, "ORD1", 100, false, kT});
  claim_by_another_worker();
  try {
    store_->put_order_link({2, "ORD2", 101, false, kT});
    FAIL() << "a fenced-out worker could still write";
  } catch (const LeaseLost& e) {
    EXPECT_NE(std::string(e.what()).find("another worker claimed it"), std::string::npos) << e.what();
  }
  EXPECT_THROW(store_->begin_intent({IntentKind::create_order, "ORD3", kT}), LeaseLost);
  EXPECT_THROW(store_->atomically([&] { store_->put_value("cursor", "x"); }), LeaseLost);
  auto current = testing::open_pg(url_, {id_, 2});
  EXPECT_EQ(current->order_links().size(), 1u);
  EXPECT_TRUE(current->intents().empty());
  EXPECT_FALSE(current->value("cursor"));
  current->put_value("cursor", "mine");  // the new owner writes
  EXPECT_EQ(store_->value("cursor"), "mine");  // reads are never fenced
}

TEST_F(PgStore, AWriteUnderAnExpiredLeaseIsRefused) {
  admin_->exec("expire", "UPDATE leases SET expires_at = clock_timestamp() - interval '1 second' WHERE connection_id = $1",
               {id_});
  try {
    store_->put_shop_stock(11, 5);
    FAIL() << "a write under an expired lease went through";
  } catch (const LeaseLost& e) {
    EXPECT_NE(std::string(e.what()).find("it expired"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(store_->shop_stock(11));
}

// The fence holds the lease row until the commit, so a claim cannot slip in between the check
// and the writes of one transaction.
TEST_F(PgStore, AClaimCannotTakeTheLeaseWhileAWriteIsInFlight) {
  bool claim_refused = false;
  store_->atomically([&] {
    store_->put_order_link({1, "ORD1", 100, false, kT});
    try {
      admin_->exec("claim", "SELECT token FROM leases WHERE connection_id = $1 FOR UPDATE NOWAIT", {id_});
    } catch (const StateStoreError& e) {
      claim_refused = std::string(e.what()).find("could not obtain lock") != std::string::npos;
    }
    store_->put_order_link({2, "ORD2", 101, false, kT});
  });
  EXPECT_TRUE(claim_refused);
  EXPECT_EQ(store_->order_links().size(), 2u);
}

TEST_F(PgStore, ALeaseOfAConnectionThatDoesNotExistIsRefusedOnOpen) {
  auto opened = PgStateStore::open(url_, {id_ + 100, 1});
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().kind, StoreProblem::not_a_database);
  EXPECT_NE(opened.error().message.find("lpsync connections add"), std::string::npos) << opened.error().message;
}

TEST_F(PgStore, ADatabaseWrittenByANewerLpsyncIsRefusedOnOpen) {
  admin_->exec("age", "UPDATE lpsync_schema SET version = $1", {pg::current_schema_version() + 1});
  auto opened = PgStateStore::open(url_, {id_, 1});
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().kind, StoreProblem::newer_schema);
  EXPECT_NE(opened.error().message.find("run the newer lpsync"), std::string::npos) << opened.error().message;
}

TEST_F(PgStore, MigratingTwiceChangesNothing) {
  store_->put_value("cursor", "kept");
  pg::migrate(*admin_);
  EXPECT_EQ(admin_->exec("version", "SELECT version FROM lpsync_schema").integer(0, 0), pg::current_schema_version());
  EXPECT_EQ(store_->value("cursor"), "kept");
}

}  // namespace
}  // namespace lpsync
