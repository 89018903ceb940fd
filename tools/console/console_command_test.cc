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

}  // namespace
}  // namespace lpsync
