// The pending quantities shared on PostgreSQL: the contract, the lease fence on every publish,
// and the rows going with their connection.
#include "engine/state/pg_shared_pending.h"

#include <gtest/gtest.h>

#include "engine/state/pg_db.h"
#include "engine/state/pg_store_factory.h"
#include "engine/state/shared_pending_contract.h"

namespace lpsync {
namespace {

class PgPending : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = testing::fresh_pg_database();
    a_id_ = testing::add_leased_connection(url_, "shop-a");
    b_id_ = testing::add_leased_connection(url_, "shop-b");
    c_id_ = testing::add_leased_connection(url_, "shop-c");
    a_store_ = testing::open_pg(url_, {a_id_, 1});
    b_store_ = testing::open_pg(url_, {b_id_, 1});
    c_store_ = testing::open_pg(url_, {c_id_, 1});
    auto db = pg::Db::connect(url_);
    if (!db.ok()) throw std::runtime_error(db.error().message);
    admin_ = std::move(db).value();
  }
  int64_t rows_of(int64_t connection) {
    return admin_->exec("count", "SELECT count(*) FROM pending_quantities WHERE connection_id = $1", {connection})
        .integer(0, 0);
  }
  std::string url_;
  int64_t a_id_ = 0, b_id_ = 0, c_id_ = 0;
  std::unique_ptr<PgStateStore> a_store_, b_store_, c_store_;
  std::unique_ptr<pg::Db> admin_;
};

TEST_F(PgPending, KeepsTheContract) {
  PgSharedPending a(*a_store_, "acme.picqer.com"), b(*b_store_, "acme.picqer.com");
  PgSharedPending elsewhere(*c_store_, "other.picqer.com");
  testing::expect_shared_pending_contract(a, b, elsewhere);
}

TEST_F(PgPending, APublishUnderALostLeaseIsRefusedAndKeepsTheLastQuantities) {
  PgSharedPending a(*a_store_, "acme.picqer.com"), b(*b_store_, "acme.picqer.com");
  a.publish({{"MUG", 2}});
  admin_->exec("claim", "UPDATE leases SET token = token + 1, worker = 'other' WHERE connection_id = $1", {a_id_});
  try {
    a.publish({{"MUG", 9}});
    FAIL() << "a fenced-out worker could still publish its pending";
  } catch (const LeaseLost& e) {
    EXPECT_NE(std::string(e.what()).find("another worker claimed it"), std::string::npos) << e.what();
  }
  EXPECT_EQ(b.others({"MUG"}), (PendingByCode{{"MUG", 2}}));
  // The new owner of the connection publishes.
  auto current = testing::open_pg(url_, {a_id_, 2});
  PgSharedPending(*current, "acme.picqer.com").publish({{"MUG", 5}});
  EXPECT_EQ(b.others({"MUG"}), (PendingByCode{{"MUG", 5}}));
}

TEST_F(PgPending, AnExpiredLeasePublishesNothing) {
  PgSharedPending a(*a_store_, "acme.picqer.com"), b(*b_store_, "acme.picqer.com");
  admin_->exec("expire", "UPDATE leases SET expires_at = clock_timestamp() - interval '1 second' WHERE connection_id = $1",
               {a_id_});
  EXPECT_THROW(a.publish({{"MUG", 2}}), LeaseLost);
  EXPECT_TRUE(b.others({"MUG"}).empty());
}

TEST_F(PgPending, TheRowsGoWithTheConnection) {
  PgSharedPending a(*a_store_, "acme.picqer.com");
  a.publish({{"MUG", 2}, {"CARD", 1}});
  EXPECT_EQ(rows_of(a_id_), 2);
  a_store_.reset();
  admin_->exec("remove", "DELETE FROM connections WHERE id = $1", {a_id_});
  EXPECT_EQ(rows_of(a_id_), 0);
}

}  // namespace
}  // namespace lpsync
