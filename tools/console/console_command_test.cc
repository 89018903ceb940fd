// `lpsync console` as a merchant starts it: it prints its address and, on the first start, the
// one-time setup address; it serves over plain HTTP on loopback with the handler's rules and
// the server's body limit; SIGTERM stops it cleanly.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "engine/env/httplib_transport.h"
#include "tests/hostile/operator/child_process.h"

namespace lpsync {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ConsoleCommand, PrintsItsSetupAddressServesOverHttpAndStopsOnSigterm) {
  fs::path dir = fs::path(std::getenv("TEST_TMPDIR")) / "console";
  fs::create_directories(dir / "configs");
  testing::ChildOptions o;
  o.out_file = (dir / "out.txt").string();
  o.err_file = (dir / "err.txt").string();
  testing::Child console({"console", "--listen", "127.0.0.1:0", "--config-dir", (dir / "configs").string()}, o);
  std::smatch m;
  std::string out;
  std::regex setup("set the password at (http://127\\.0\\.0\\.1:[0-9]+)(/setup\\?token=[0-9a-f]{32})");
  ASSERT_TRUE(testing::eventually(
      [&] {
        out = read_file(dir / "out.txt");
        return std::regex_search(out, m, setup);
      },
      30))
      << out << read_file(dir / "err.txt");
  std::string base = m[1], setup_path = m[2];
  HttplibTransport http;
  auto page = http.send(Request{"GET", base + setup_path, {}, ""});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.value().status, 200);
  EXPECT_NE(page.value().body.find("Set the console's password"), std::string::npos);
  auto guess = http.send(Request{"GET", base + "/setup?token=guess", {}, ""});
  ASSERT_TRUE(guess.ok());
  EXPECT_EQ(guess.value().status, 403);
  Headers form{{"Content-Type", "application/x-www-form-urlencoded"}};
  auto huge = http.send(Request{"POST", base + "/login", form, "password=" + std::string(100 * 1024, 'a')});
  ASSERT_TRUE(huge.ok());
  EXPECT_EQ(huge.value().status, 413);
  console.signal(SIGTERM);
  EXPECT_EQ(console.wait(30), 0);
}

TEST(ConsoleCommand, NamesOnePlaceOfTheConnectionsAndAFleetsPasswordFile) {
  fs::path dir = fs::path(std::getenv("TEST_TMPDIR")) / "console-usage";
  fs::create_directories(dir);
  auto run = [&](std::vector<std::string> args) {
    testing::ChildOptions o;
    o.out_file = (dir / "out.txt").string();
    o.err_file = (dir / "err.txt").string();
    testing::Child console(std::move(args), o);
    int code = console.wait(30).value_or(-1);
    return std::make_pair(code, read_file(dir / "err.txt"));
  };
  auto [neither, why] = run({"console"});
  EXPECT_EQ(neither, 2);
  EXPECT_NE(why.find("--config-dir DIR (the config files that lpsync run uses) or --database URL"), std::string::npos)
      << why;
  auto [both, why_both] = run({"console", "--config-dir", dir.string(), "--database", "host=/nowhere"});
  EXPECT_EQ(both, 2) << why_both;
  auto [no_password, why_password] = run({"console", "--database", "host=/nowhere"});
  EXPECT_EQ(no_password, 2);
  EXPECT_NE(why_password.find("--password-file FILE"), std::string::npos) << why_password;
  auto [unreachable, why_unreachable] =
      run({"console", "--database", "host=/nowhere dbname=x password=pw-hunter2", "--password-file", (dir / "p").string()});
  EXPECT_EQ(unreachable, 2);
  EXPECT_EQ(why_unreachable.find("pw-hunter2"), std::string::npos) << "the database password repeated: " << why_unreachable;
  EXPECT_NE(why_unreachable.find("lpsync console:"), std::string::npos) << why_unreachable;
}

}  // namespace
}  // namespace lpsync
