// The console's commands in the fleet database (console_commands.h) on a real PostgreSQL:
// left, taken once by the worker holding the connection, answered, and bounded as the file
// box of `lpsync run` is.
#include "tools/fleet/console_commands.h"

#include <gtest/gtest.h>

#include "engine/state/pg_fleet.h"
#include "engine/state/pg_schema.h"
#include "tools/pg/postgres_suite.h"

namespace lpsync::fleet {
namespace {

namespace bj = boost::json;

class ConsoleCommandsTest : public PostgresSuite {
 protected:
  void SetUp() override {
    db_ = migrated_database().db;
    ASSERT_TRUE(db_);
    a_ = add_connection(*db_, "a", "{}").value();
    b_ = add_connection(*db_, "b", "{}").value();
  }
  std::string submit(int64_t connection, const std::string& kind, bj::object args, Instant at) {
    std::string error;
    auto id = PgCommands(*db_, connection).submit(kind, std::move(args), "admin", at, error);
    EXPECT_TRUE(id.has_value()) << error;
    return id.value_or("");
  }
  int64_t rows(int64_t connection) {
    return db_->exec("count", "SELECT count(*) FROM console_commands WHERE connection_id = $1", {connection}).integer(0, 0);
  }

  std::unique_ptr<pg::Db> db_;
  int64_t a_ = 0, b_ = 0;
  Instant t0_ = Instant::from_unix_millis(1'800'000'000'000);
};

TEST_F(ConsoleCommandsTest, ACommandIsTakenOnceByTheWorkerOfItsConnectionAndAnswered) {
  std::string id = submit(a_, "import_order", bj::object{{"number", "ORD7"}}, t0_);
  PgCommands a(*db_, a_);
  EXPECT_TRUE(a.waiting(id));
  EXPECT_FALSE(a.answer_of(id));
  EXPECT_TRUE(take_console_commands(*db_, {b_}, 10).empty());  // another connection's worker

  auto taken = take_console_commands(*db_, {a_, b_}, 10);
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].first, a_);
  EXPECT_EQ(taken[0].second.id, id);
  EXPECT_EQ(taken[0].second.kind, "import_order");
  EXPECT_EQ(taken[0].second.args.at("number").as_string(), "ORD7");
  EXPECT_EQ(taken[0].second.user, "admin");
  EXPECT_EQ(taken[0].second.at, t0_);
  EXPECT_FALSE(a.waiting(id));
  EXPECT_TRUE(take_console_commands(*db_, {a_}, 10).empty());  // once only

  a.answer(id, bj::object{{"ok", true}, {"message", "Imported."}});
  auto answer = a.answer_of(id);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->at("message").as_string(), "Imported.");
  EXPECT_FALSE(PgCommands(*db_, b_).answer_of(id));  // not through another connection
}

TEST_F(ConsoleCommandsTest, TakenOldestFirstWithinTheLimit) {
  std::string later = submit(a_, "import_products", {}, t0_ + Duration::seconds(2));
  std::string first = submit(b_, "import_products", {}, t0_);
  std::string middle = submit(a_, "settings", {}, t0_ + Duration::seconds(1));
  auto taken = take_console_commands(*db_, {a_, b_}, 2);
  ASSERT_EQ(taken.size(), 2u);
  EXPECT_EQ(taken[0].second.id, first);
  EXPECT_EQ(taken[1].second.id, middle);
  taken = take_console_commands(*db_, {a_, b_}, 2);
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].second.id, later);
}

TEST_F(ConsoleCommandsTest, AtMostOneHundredWaitPerConnection) {
  for (size_t i = 0; i < live::CommandQueue::kMaxPending; ++i) submit(a_, "import_products", {}, t0_);
  std::string error;
  EXPECT_FALSE(PgCommands(*db_, a_).submit("import_products", {}, "admin", t0_, error));
  EXPECT_NE(error.find("worker"), std::string::npos) << error;
  submit(b_, "import_products", {}, t0_);  // another connection is not held up
  take_console_commands(*db_, {a_}, 1);
  submit(a_, "import_products", {}, t0_);  // one was taken: room again
}

TEST_F(ConsoleCommandsTest, TheNewestTwoHundredTakenAreKept) {
  PgCommands a(*db_, a_);
  std::vector<std::string> ids;
  for (size_t i = 0; i < live::CommandQueue::kMaxAnswers + 5; ++i) {
    ids.push_back(submit(a_, "import_products", {}, t0_ + Duration::millis(static_cast<int64_t>(i))));
    take_console_commands(*db_, {a_}, 1);
    a.answer(ids.back(), bj::object{{"ok", true}});
  }
  EXPECT_EQ(rows(a_), static_cast<int64_t>(live::CommandQueue::kMaxAnswers));
  EXPECT_FALSE(a.answer_of(ids.front()));
  EXPECT_TRUE(a.answer_of(ids.back()));
}

TEST_F(ConsoleCommandsTest, ARowThatIsNotACommandIsAnsweredAsRefused) {
  std::string id = live::CommandQueue::new_id(t0_);
  db_->exec("bad", "INSERT INTO console_commands (id, connection_id, kind, args, user_name, at_ms) VALUES ($1, $2, 'x', '[1', 'u', 0)",
            {id, a_});
  EXPECT_TRUE(take_console_commands(*db_, {a_}, 10).empty());
  auto answer = PgCommands(*db_, a_).answer_of(id);
  ASSERT_TRUE(answer);
  EXPECT_FALSE(answer->at("ok").as_bool());
}

TEST_F(ConsoleCommandsTest, RemovingAConnectionRemovesItsCommands) {
  submit(a_, "import_products", {}, t0_);
  ASSERT_TRUE(remove_connection(*db_, "a"));
  EXPECT_EQ(rows(a_), 0);
}

}  // namespace
}  // namespace lpsync::fleet
