// The throwaway PostgreSQL of the fleet tests, and the engine's libpq layer on it: a real
// server on a Unix socket, transactions that commit or roll back as a store needs, errors in
// words, and nothing left behind.
#include "tools/pg/throwaway_postgres.h"
#include "tools/pg/postgres_suite.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "engine/state/pg_db.h"

namespace lpsync {
namespace {

class PostgresTest : public PostgresSuite {
 protected:
  std::unique_ptr<pg::Db> connect(const std::string& database = "postgres") {
    auto db = pg::Db::connect(server_->url(database));
    EXPECT_TRUE(db.ok()) << db.error().message;
    return db.ok() ? std::move(db).value() : nullptr;
  }
};

TEST_F(PostgresTest, ListensOnlyOnASocketInItsOwnDirectory) {
  EXPECT_TRUE(std::filesystem::exists(server_->directory() + "/.s.PGSQL.5432"));
  auto db = connect();
  ASSERT_TRUE(db);
  pg::Rows r = db->exec("read the settings", "SELECT current_setting('listen_addresses'), current_user");
  EXPECT_EQ(r.text(0, 0), "");
  EXPECT_EQ(r.text(0, 1), "lpsync");
}

TEST_F(PostgresTest, AWriteCommitsWhenItsBodyReturnsAndRollsBackWhenItThrows) {
  std::string error;
  ASSERT_TRUE(server_->create_database("commits", error)) << error;
  auto db = connect("commits");
  ASSERT_TRUE(db);
  db->exec("create a table", "CREATE TABLE links (id bigint PRIMARY KEY, code text NOT NULL UNIQUE)");
  db->write("store a link", [&] { db->exec("store a link", "INSERT INTO links VALUES ($1, $2)", {int64_t{1}, "A"}); });
  EXPECT_THROW(db->write("store two links",
                         [&] {
                           db->exec("store a link", "INSERT INTO links VALUES ($1, $2)", {int64_t{2}, "B"});
                           throw std::runtime_error("a crash between the two writes");
                         }),
               std::runtime_error);
  EXPECT_FALSE(db->in_transaction());
  pg::Rows rows = db->exec("read links", "SELECT id, code FROM links ORDER BY id");
  ASSERT_EQ(rows.size(), 1);
  EXPECT_EQ(rows.integer(0, 0), 1);
  EXPECT_EQ(rows.text(0, 1), "A");
}

TEST_F(PostgresTest, ANestedWriteIsASavepointOfTheOuterOne) {
  std::string error;
  ASSERT_TRUE(server_->create_database("nested", error)) << error;
  auto db = connect("nested");
  ASSERT_TRUE(db);
  db->exec("create a table", "CREATE TABLE t (v bigint)");
  db->write("outer", [&] {
    db->exec("outer", "INSERT INTO t VALUES (1)");
    EXPECT_THROW(db->write("inner", [&] {
      db->exec("inner", "INSERT INTO t VALUES (2)");
      throw std::runtime_error("inner fails");
    }),
                 std::runtime_error);
    db->exec("outer", "INSERT INTO t VALUES (3)");
  });
  pg::Rows rows = db->exec("read", "SELECT v FROM t ORDER BY v");
  ASSERT_EQ(rows.size(), 2);
  EXPECT_EQ(rows.integer(0, 0), 1);
  EXPECT_EQ(rows.integer(1, 0), 3);
}

TEST_F(PostgresTest, ASecondLinkForOneThingIsALogicErrorAndStoresNothing) {
  std::string error;
  ASSERT_TRUE(server_->create_database("unique", error)) << error;
  auto db = connect("unique");
  ASSERT_TRUE(db);
  db->exec("create a table", "CREATE TABLE links (id bigint PRIMARY KEY, code text NOT NULL UNIQUE)");
  db->exec("store", "INSERT INTO links VALUES (1, 'A')");
  EXPECT_THROW(db->write("store a second link", [&] { db->exec("store a link", "INSERT INTO links VALUES (2, 'A')"); }),
               std::logic_error);
  EXPECT_EQ(db->exec("count", "SELECT count(*) FROM links").integer(0, 0), 1);
}

TEST_F(PostgresTest, ASessionEndedByTheServerFailsInWordsWithWhatToDo) {
  auto victim = connect();
  auto admin = connect();
  ASSERT_TRUE(victim && admin);
  admin->exec("end a session", "SELECT pg_terminate_backend($1)", {victim->backend_pid()});
  try {
    victim->exec("read the links", "SELECT 1");
    FAIL() << "a terminated session still answered";
  } catch (const StateStoreError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("PostgreSQL could not read the links"), std::string::npos) << m;
    EXPECT_NE(m.find("start lpsync again"), std::string::npos) << m;
  }
  // The next statement opens a new session: a worker carries on without a restart.
  int old_pid = victim->backend_pid();
  EXPECT_EQ(victim->exec("read again", "SELECT 7").integer(0, 0), 7);
  EXPECT_EQ(victim->reconnects(), 1u);
  EXPECT_NE(victim->backend_pid(), old_pid);
}

TEST_F(PostgresTest, ASessionLostInsideATransactionFailsThatWholeWrite) {
  auto victim = connect();
  auto admin = connect();
  ASSERT_TRUE(victim && admin);
  victim->exec("create a table", "CREATE TABLE marks (n bigint)");
  EXPECT_THROW(victim->write("mark twice",
                             [&] {
                               victim->exec("mark", "INSERT INTO marks VALUES (1)");
                               admin->exec("end a session", "SELECT pg_terminate_backend($1)", {victim->backend_pid()});
                               victim->exec("mark", "INSERT INTO marks VALUES (2)");
                             }),
               StateStoreError);
  EXPECT_EQ(victim->exec("count", "SELECT count(*) FROM marks").integer(0, 0), 0);
}

TEST(PostgresConnect, AnUnreadableUrlOrAMissingServerIsRefusedWithoutRepeatingTheUrl) {
  auto bad = pg::Db::connect("host=/nowhere password=s3cret-key sslmode=sideways");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message.find("s3cret-key"), std::string::npos) << bad.error().message;
  auto missing = pg::Db::connect("host=/nonexistent-dir user=x password=s3cret-key dbname=y");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, pg::ConnectProblem::refused);
  EXPECT_EQ(missing.error().message.find("s3cret-key"), std::string::npos) << missing.error().message;
  EXPECT_NE(missing.error().message.find("Check that the server runs"), std::string::npos);
}

TEST(ThrowawayPostgresLife, StoppingRemovesTheClusterAndItsSocket) {
  std::string dir;
  {
    auto started = ThrowawayPostgres::start();
    ASSERT_TRUE(started.ok()) << started.error().message;
    dir = started.value()->directory();
    EXPECT_TRUE(std::filesystem::exists(dir + "/data/PG_VERSION"));
  }
  EXPECT_FALSE(std::filesystem::exists(dir));
}

}  // namespace
}  // namespace lpsync
