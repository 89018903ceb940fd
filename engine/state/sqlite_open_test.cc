// Opening the SQLite store in bad situations: each is refused with a message that says what
// is wrong and what to do, and the file is left as it was.
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/state/schema.h"
#include "engine/state/store_factories.h"

namespace lpsync {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const Instant kT = Instant::from_unix_seconds(1'800'000'000);

std::string contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_file(const std::string& path, const std::string& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// A closed database holding one order link.
std::string database_with_a_link(std::string_view name) {
  std::string path = testing::fresh_path(name) + "/state.db";
  testing::open_sqlite(path)->put_order_link({1, "ORD1", 100, true, kT});
  return path;
}

TEST(SqliteOpen, AMissingFileAndDirectoryAreCreatedAtTheCurrentSchema) {
  std::string path = testing::fresh_path("missing") + "/nested/dir/state.db";
  auto opened = SqliteStateStore::open(path);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_TRUE(fs::exists(path));
  EXPECT_EQ(opened.value().store->schema_version(), sqlite::current_schema_version());
  EXPECT_TRUE(opened.value().store->order_links().empty());
}

TEST(SqliteOpen, ASecondStoreOnTheSameDatabaseIsRefusedUntilTheFirstCloses) {
  std::string path = testing::fresh_path("locked") + "/state.db";
  auto first = testing::open_sqlite(path);
  auto second = SqliteStateStore::open(path);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind, StoreProblem::locked);
  EXPECT_THAT(second.error().message, HasSubstr("is in use"));
  EXPECT_THAT(second.error().message, HasSubstr("pid " + std::to_string(::getpid())));
  EXPECT_THAT(second.error().message, HasSubstr("stop the other one first"));
  first.reset();
  EXPECT_TRUE(SqliteStateStore::open(path));
}

TEST(SqliteOpen, ThroughASymlinkedDirectoryOrFileItIsTheSameDatabase) {
  std::string dir = testing::fresh_path("symlinks");
  fs::create_directories(dir + "/real");
  auto first = testing::open_sqlite(dir + "/real/state.db");
  fs::create_directory_symlink(dir + "/real", dir + "/alias");
  fs::create_symlink(dir + "/real/state.db", dir + "/link.db");
  for (const std::string& other : {dir + "/alias/state.db", dir + "/link.db", dir + "/real/../real/state.db"}) {
    auto second = SqliteStateStore::open(other);
    ASSERT_FALSE(second) << other << " opened a second engine on the same database";
    EXPECT_EQ(second.error().kind, StoreProblem::locked) << second.error().message;
    EXPECT_THAT(second.error().message, HasSubstr("is in use"));
  }
}

TEST(SqliteOpen, ThroughAHardLinkItIsTheSameDatabase) {
  std::string dir = testing::fresh_path("hardlink");
  auto first = testing::open_sqlite(dir + "/state.db");
  fs::create_directories(dir + "/other");
  fs::create_hard_link(dir + "/state.db", dir + "/other/copy.db");
  auto second = SqliteStateStore::open(dir + "/other/copy.db");
  ASSERT_FALSE(second) << "a hard link opened a second engine on the same database";
  EXPECT_EQ(second.error().kind, StoreProblem::locked) << second.error().message;
  EXPECT_THAT(second.error().message, HasSubstr("is in use"));
}

TEST(SqliteOpen, AnEmptyFileIsStartedAsANewDatabaseAndSaysSo) {
  std::string path = testing::fresh_path("empty") + "/state.db";
  write_file(path, "");
  auto opened = SqliteStateStore::open(path);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_THAT(opened.value().note, HasSubstr(path + " was an empty file (0 bytes)"));
  EXPECT_EQ(opened.value().store->schema_version(), sqlite::current_schema_version());
  opened.value().store.reset();
  auto again = SqliteStateStore::open(path);
  ASSERT_TRUE(again);
  EXPECT_EQ(again.value().note, "") << "only an empty file gets the note";
}

TEST(SqliteOpen, AnotherProcessHoldingTheDatabaseIsRefused) {
  std::string path = testing::fresh_path("child") + "/state.db";
  int ready[2], release[2];
  ASSERT_EQ(::pipe(ready), 0);
  ASSERT_EQ(::pipe(release), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The other engine: opens the database, says so, and holds it until told to exit.
    ::close(ready[0]);
    ::close(release[1]);
    auto opened = SqliteStateStore::open(path);
    char c = opened ? '1' : '0';
    [[maybe_unused]] ssize_t w = ::write(ready[1], &c, 1);
    [[maybe_unused]] ssize_t r = ::read(release[0], &c, 1);
    ::_exit(opened ? 0 : 1);
  }
  ::close(ready[1]);
  ::close(release[0]);
  char c = 0;
  ASSERT_EQ(::read(ready[0], &c, 1), 1);
  ASSERT_EQ(c, '1');
  auto refused = SqliteStateStore::open(path);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, StoreProblem::locked);
  EXPECT_THAT(refused.error().message, HasSubstr("pid " + std::to_string(child)));
  ::close(release[1]);  // the child reads end-of-file and exits, releasing its lock
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_TRUE(SqliteStateStore::open(path));
}

TEST(SqliteOpen, AFileThatIsNoDatabaseIsRefusedAndLeftAlone) {
  std::string path = testing::fresh_path("garbage") + "/state.db";
  std::string garbage(8192, 'x');
  write_file(path, garbage);
  auto opened = SqliteStateStore::open(path);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, StoreProblem::not_a_database);
  EXPECT_THAT(opened.error().message, HasSubstr("is not an lpsync state database"));
  EXPECT_THAT(opened.error().message, HasSubstr("backup"));
  EXPECT_EQ(contents(path), garbage);
}

TEST(SqliteOpen, ADamagedDatabaseIsRefusedAndLeftAlone) {
  std::string path = database_with_a_link("damaged");
  std::string bytes = contents(path);
  ASSERT_GE(bytes.size(), 8192u);
  // Overwrite the second page (a table's b-tree page) with noise.
  for (size_t i = 4096; i < 8192; ++i) bytes[i] = static_cast<char>(i * 7 + 3);
  write_file(path, bytes);
  auto opened = SqliteStateStore::open(path);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, StoreProblem::corrupt);
  EXPECT_THAT(opened.error().message, HasSubstr("damaged"));
  EXPECT_THAT(opened.error().message, HasSubstr("move it away"));
  EXPECT_EQ(contents(path), bytes);
}

TEST(SqliteOpen, ADatabaseFromANewerLpsyncIsRefusedAndLeftAlone) {
  std::string path = database_with_a_link("newer");
  int64_t newer = sqlite::current_schema_version() + 1;
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, ("PRAGMA user_version = " + std::to_string(newer)).c_str(), nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  auto opened = SqliteStateStore::open(path);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, StoreProblem::newer_schema);
  EXPECT_THAT(opened.error().message, HasSubstr("written by a newer lpsync (schema version " + std::to_string(newer)));
  EXPECT_THAT(opened.error().message, HasSubstr("Run that newer lpsync"));
}

TEST(SqliteOpen, AnotherProgramsDatabaseIsRefused) {
  std::string path = testing::fresh_path("foreign") + "/state.db";
  fs::create_directories(fs::path(path).parent_path());
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE invoices (id INTEGER)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  auto opened = SqliteStateStore::open(path);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, StoreProblem::not_a_database);
  EXPECT_THAT(opened.error().message, HasSubstr("another program"));
}

TEST(SqliteOpen, ADirectoryThatCannotBeCreatedIsRefused) {
  std::string blocker = testing::fresh_path("blocked") + "/file";
  write_file(blocker, "a file where a directory should be");
  auto opened = SqliteStateStore::open(blocker + "/state.db");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, StoreProblem::cannot_create);
  EXPECT_THAT(opened.error().message, HasSubstr("it is a file, not a directory"));
  opened = SqliteStateStore::open(blocker + "/deeper/state.db");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, StoreProblem::cannot_create);
  EXPECT_THAT(opened.error().message, HasSubstr("cannot create the directory"));
}

// What a second connection gets from a raw read of the file: SQLITE_OK or SQLITE_BUSY.
int raw_read(const std::string& path) {
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    return -1;
  }
  int rc = sqlite3_exec(raw, "SELECT count(*) FROM order_links", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  return rc;
}

// The lock held inside the database: while a store is open, SQLite itself refuses every other
// connection to the file, by its path or by a hard link (even where flock(2) is not enforced);
// once the store closes, the file is readable again.
TEST(SqliteOpen, WhileOpenNoOtherConnectionCanReadTheDatabase) {
  std::string path = database_with_a_link("in-db-lock");
  std::string other = fs::path(path).parent_path().string() + "/hard-link.db";
  fs::create_hard_link(path, other);
  {
    auto store = testing::open_sqlite(path);
    EXPECT_EQ(raw_read(path), SQLITE_BUSY);
    EXPECT_EQ(raw_read(other), SQLITE_BUSY);
    EXPECT_EQ(store->order_link(1)->idorder, 100) << "the store itself still reads and writes";
  }
  EXPECT_EQ(raw_read(path), SQLITE_OK);
}

TEST(SqliteOpen, TheDatabaseIsInWalModeAndMigratedStepByStep) {
  std::string path = testing::fresh_path("wal") + "/state.db";
  { testing::open_sqlite(path); }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(raw);
  // Each step's version is above the one before.
  int64_t last = 0;
  for (const auto& m : sqlite::migrations()) {
    EXPECT_GT(m.to_version, last) << m.what;
    last = m.to_version;
  }
}

}  // namespace
}  // namespace lpsync
