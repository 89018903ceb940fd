// `lpsync connections` on a real PostgreSQL: add (the config checked first), list (who holds
// what, never a secret), remove, and the refusals in words.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tools/fleet_command_test_support.h"

namespace lpsync::cli {
namespace {

std::string write_file(const std::string& name, const std::string& text) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  std::string path = std::string(tmp ? tmp : "/tmp") + "/" + name;
  std::ofstream(path) << text;
  return path;
}

constexpr const char* kConfig = R"({
  "lightspeed": {"cluster": "eu1", "language": "nl", "key": "literal-ls-key-123", "secret": "env:LS_SECRET"},
  "picqer": {"subdomain": "acme", "key": "env:PICQER_KEY"}
})";

using ConnectionsCommand = WithPostgres;

TEST_F(ConnectionsCommand, AddListRemove) {
  std::string db = server_->url();
  std::string config = write_file("acme.json", kConfig);
  Outcome empty = run({"connections", "list", "--database", db});
  EXPECT_EQ(empty.status, kExitOk) << empty.err;
  EXPECT_NE(empty.out.find("No connections yet"), std::string::npos);

  Outcome added = run({"connections", "add", "acme", "--config", config, "--database", db});
  EXPECT_EQ(added.status, kExitOk) << added.err;
  EXPECT_NE(added.out.find("Added connection acme"), std::string::npos);
  Outcome twice = run({"connections", "add", "acme", "--config", config, "--database", db});
  EXPECT_EQ(twice.status, kExitFailed);
  EXPECT_NE(twice.err.find("already a connection named acme"), std::string::npos) << twice.err;

  Outcome listed = run({"connections", "list", "--database", db});
  EXPECT_EQ(listed.status, kExitOk);
  EXPECT_NE(listed.out.find("acme"), std::string::npos);
  EXPECT_NE(listed.out.find("(waiting for a worker)"), std::string::npos);
  EXPECT_EQ(listed.out.find("literal-ls-key-123"), std::string::npos) << "a secret was listed";

  EXPECT_EQ(run({"connections", "remove", "acme", "--database", db}).status, kExitOk);
  Outcome gone = run({"connections", "remove", "acme", "--database", db});
  EXPECT_EQ(gone.status, kExitFailed);
  EXPECT_NE(gone.err.find("there is no connection named acme"), std::string::npos);
}

TEST_F(ConnectionsCommand, ImportAddsEveryConfigOfADirectoryOnceAndSaysWhichWereRefused) {
  std::string db = server_->url();
  std::string dir = std::string(std::getenv("TEST_TMPDIR")) + "/configs";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/shop-b.json") << kConfig;
  std::ofstream(dir + "/shop-a.json") << kConfig;
  std::ofstream(dir + "/broken.json") << R"({"lightspeed": {"cluster": "eu9"}, "picqer": {}})";
  std::ofstream(dir + "/notes.txt") << "not a config";
  Outcome first = run({"connections", "import", dir, "--database", db});
  EXPECT_EQ(first.status, kExitFailed) << "a refused file must not pass unnoticed";
  EXPECT_NE(first.out.find("Imported 2 of 3 config files"), std::string::npos) << first.out;
  EXPECT_NE(first.err.find("broken.json"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("lightspeed.cluster"), std::string::npos) << first.err;
  std::filesystem::remove(dir + "/broken.json");
  Outcome again = run({"connections", "import", dir, "--database", db});
  EXPECT_EQ(again.status, kExitOk) << again.err;
  EXPECT_NE(again.out.find("shop-a: already a connection"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("Imported 0 of 2"), std::string::npos) << again.out;
  Outcome listed = run({"connections", "list", "--database", db});
  EXPECT_NE(listed.out.find("shop-a"), std::string::npos);
  EXPECT_NE(listed.out.find("shop-b"), std::string::npos);
  EXPECT_EQ(listed.out.find("broken"), std::string::npos);
  Outcome missing = run({"connections", "import", dir + "/nowhere", "--database", db});
  EXPECT_EQ(missing.status, kExitUsage);
  EXPECT_NE(missing.err.find("cannot read the directory"), std::string::npos) << missing.err;
}

TEST_F(ConnectionsCommand, ABrokenConfigIsNotAdded) {
  std::string db = server_->url();
  std::string config = write_file("broken.json", R"({"lightspeed": {"cluster": "eu9"}, "picqer": {}})");
  Outcome r = run({"connections", "add", "broken", "--config", config, "--database", db});
  EXPECT_EQ(r.status, kExitUsage);
  EXPECT_NE(r.err.find("lightspeed.cluster"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("was not added"), std::string::npos) << r.err;
  EXPECT_EQ(run({"connections", "list", "--database", db}).out.find("broken"), std::string::npos);
}

TEST_F(ConnectionsCommand, TheDatabaseMayComeFromTheEnvironment) {
  setenv("LPSYNC_TEST_DATABASE", server_->url().c_str(), 1);
  EXPECT_EQ(run({"connections", "list", "--database", "env:LPSYNC_TEST_DATABASE"}).status, kExitOk);
  Outcome unset = run({"connections", "list", "--database", "env:LPSYNC_TEST_NOT_SET"});
  EXPECT_EQ(unset.status, kExitUsage);
  EXPECT_NE(unset.err.find("LPSYNC_TEST_NOT_SET is not set"), std::string::npos) << unset.err;
}

TEST(ConnectionsCommandUsage, RefusalsSayWhatIsExpected) {
  Outcome none = run({"connections"});
  EXPECT_EQ(none.status, kExitUsage);
  EXPECT_NE(none.err.find("expected add NAME, import DIR, list or remove NAME"), std::string::npos);
  Outcome no_db = run({"connections", "list"});
  EXPECT_EQ(no_db.status, kExitUsage);
  EXPECT_NE(no_db.err.find("--database is required"), std::string::npos);
  Outcome unreachable = run({"connections", "list", "--database", "host=/nonexistent user=x password=hunter2"});
  EXPECT_EQ(unreachable.status, kExitUsage);
  EXPECT_NE(unreachable.err.find("cannot connect to PostgreSQL"), std::string::npos);
  EXPECT_EQ(unreachable.err.find("hunter2"), std::string::npos);
}

}  // namespace
}  // namespace lpsync::cli
