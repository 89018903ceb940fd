// Two lpsync processes whose configs reach one state database by two paths (a symlinked
// directory, a symlink to the file, a hard link): the second is refused, so no order is
// created twice in Picqer.
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/hostile/operator/child_process.h"
#include "tests/live/live_fixture.h"

namespace lpsync::testing {
namespace {

namespace bj = boost::json;
namespace fs = std::filesystem;
namespace pq = fakes::picqer;

size_t created(FakeServices& fakes, const std::string& reference) {
  return fakes.picqer([&](pq::PicqerFake& p) {
    size_t n = 0;
    for (const auto& o : p.orders()) n += o.via_api && o.reference == reference;
    return n;
  });
}

std::string contents(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// How the second config reaches the first one's database (DIR/shop-state/state.db).
enum class Path { symlinked_directory, symlinked_file, hard_link };

std::string second_path(const std::string& dir, Path how) {
  std::string db = dir + "/shop-state/state.db";
  switch (how) {
    case Path::symlinked_directory:
      fs::create_directory_symlink(dir + "/shop-state", dir + "/alias");
      return dir + "/alias/state.db";
    case Path::symlinked_file:
      fs::create_symlink(db, dir + "/link.db");
      return dir + "/link.db";
    case Path::hard_link:
      fs::create_directories(dir + "/other");
      fs::create_hard_link(db, dir + "/other/state.db");
      return dir + "/other/state.db";
  }
  return "";
}

class OneDatabase : public ::testing::TestWithParam<Path> {};

TEST_P(OneDatabase, ASecondProcessByAnotherPathIsRefused) {
  LiveWorld w = make_world("one-db-" + std::to_string(static_cast<int>(GetParam())), false);
  ASSERT_TRUE(w.fakes->ok());
  add_shop(*w.fakes);
  bj::object settings{{"active", true}};
  std::string first_config = write_config(w, "shop", settings);
  Child first({"run", "--config", first_config}, ChildOptions{false, false, w.dir + "/first.out", w.dir + "/first.err"});
  ASSERT_TRUE(eventually([&] { return first.poll() || created(*w.fakes, "ORD1") > 0; }, 30));
  ASSERT_FALSE(first.poll()) << contents(w.dir + "/first.err");

  std::string other = second_path(w.dir, GetParam());
  std::string second_config = write_config(w, "other", settings, bj::object{{"state", other}});
  Child second({"run", "--config", second_config, "--once"},
               ChildOptions{false, false, w.dir + "/second.out", w.dir + "/second.err"});
  std::optional<int> code = second.wait(30);
  ASSERT_TRUE(code) << "the second lpsync did not end within 30 s";
  EXPECT_NE(*code, 0);
  std::string err = contents(w.dir + "/second.err");
  EXPECT_NE(err.find("is in use"), std::string::npos) << err;
  EXPECT_EQ(created(*w.fakes, "ORD1"), 1u);

  first.signal(SIGTERM);
  ASSERT_EQ(first.wait(30), std::optional<int>(0));
}

INSTANTIATE_TEST_SUITE_P(Operator, OneDatabase,
                         ::testing::Values(Path::symlinked_directory, Path::symlinked_file, Path::hard_link),
                         [](const auto& info) {
                           switch (info.param) {
                             case Path::symlinked_directory: return std::string("symlinked_directory");
                             case Path::symlinked_file: return std::string("symlinked_file");
                             case Path::hard_link: return std::string("hard_link");
                           }
                           return std::string("?");
                         });

}  // namespace
}  // namespace lpsync::testing
