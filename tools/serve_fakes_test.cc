// `lpsync serve-fakes` as a subprocess on port 0: it prints one JSON line with both URLs and
// the credentials, both fakes answer with the scenario's initial state, wrong credentials are
// refused, and SIGTERM or SIGINT ends it with exit 0. Hermetic: ports chosen by the kernel,
// no sleeping (the line is read from a pipe with poll()).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <poll.h>
#include <signal.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "engine/env/http.h"
#include "engine/env/httplib_transport.h"

namespace lpsync {
namespace {

std::string runfile(const std::string& path) {
  return (std::filesystem::path(std::getenv("TEST_SRCDIR")) / std::getenv("TEST_WORKSPACE") / path).string();
}

// A running `lpsync serve-fakes`; killed (if still running) when destroyed.
class ServeFakes {
 public:
  explicit ServeFakes(std::vector<std::string> extra) {
    std::vector<std::string> args = {runfile("tools/lpsync"), "serve-fakes", "--scenario",
                                      runfile("scenarios/paid-order-imported.json")};
    args.insert(args.end(), extra.begin(), extra.end());
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      close(fds[1]);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(fds[1]);
    out_ = fds[0];
  }
  ~ServeFakes() {
    if (pid_ > 0 && !reaped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
  }

  // The first line of its standard output ("" if none comes within the deadline).
  std::string first_line(int timeout_ms = 30000) {
    std::string line;
    char c;
    while (true) {
      pollfd p{out_, POLLIN, 0};
      int ready = poll(&p, 1, timeout_ms);
      if (ready < 0 && errno == EINTR) continue;
      if (ready <= 0) return "";
      ssize_t n = read(out_, &c, 1);
      if (n <= 0) return line;
      if (c == '\n') return line;
      line += c;
    }
  }
  // Sends the signal and waits for the exit; the wait status.
  int stop_with(int signal) {
    kill(pid_, signal);
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    reaped_ = true;
    return status;
  }
  bool started() const { return pid_ > 0 && out_ >= 0; }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  bool reaped_ = false;
};

Response get(HttplibTransport& http, const std::string& url, const std::string& user, const std::string& password) {
  Request r;
  r.method = "GET";
  r.url = url;
  r.headers.set("Authorization", basic_auth_header(user, password));
  r.headers.set("User-Agent", "lpsync serve-fakes test");
  TransportResult result = http.send(r);
  EXPECT_TRUE(result.ok()) << url << ": " << (result.ok() ? "" : result.error().message);
  return result.ok() ? result.value() : Response{};
}

std::string str(const boost::json::value& v, const char* a, const char* b) {
  return std::string(v.at(a).at(b).as_string());
}

TEST(ServeFakes, PrintsTheUrlsServesTheInitialStateAndStopsOnSigterm) {
  ServeFakes serve({});
  ASSERT_TRUE(serve.started());
  std::string line = serve.first_line();
  ASSERT_FALSE(line.empty()) << "no JSON line on standard output";
  boost::json::value info = boost::json::parse(line);
  EXPECT_EQ(str(info, "lightspeed", "key"), "lpsynckey0000000000000000000000a");
  EXPECT_EQ(str(info, "lightspeed", "secret"), "lpsyncsecret00000000000000000000");
  EXPECT_EQ(str(info, "lightspeed", "language"), "en");
  EXPECT_EQ(str(info, "picqer", "key"), "picqer-test-key");
  std::string ls = str(info, "lightspeed", "url"), pq = str(info, "picqer", "url");
  EXPECT_EQ(ls.rfind("http://127.0.0.1:", 0), 0u) << ls;
  EXPECT_EQ(pq.rfind("http://127.0.0.1:", 0), 0u) << pq;
  EXPECT_NE(ls, pq);
  {
    HttplibTransport http;
    Response orders = get(http, ls + "/en/orders.json", str(info, "lightspeed", "key"), str(info, "lightspeed", "secret"));
    EXPECT_EQ(orders.status, 200) << orders.body;
    EXPECT_NE(orders.body.find("\"ORD100\""), std::string::npos) << "the scenario's orders";
    EXPECT_TRUE(orders.headers.has("X-RateLimit-Remaining")) << "the fake's own rate limits apply";
    Response products = get(http, pq + "/api/v1/products?productcode=MUG", str(info, "picqer", "key"), "");
    EXPECT_EQ(products.status, 200) << products.body;
    EXPECT_NE(products.body.find("\"MUG\""), std::string::npos) << "the scenario's Picqer products";
    EXPECT_EQ(get(http, ls + "/en/orders.json", "wrong-key", "wrong-secret").status, 401);
    EXPECT_EQ(get(http, pq + "/api/v1/products", "wrong-key", "").status, 401);
  }
  int status = serve.stop_with(SIGTERM);
  EXPECT_TRUE(WIFEXITED(status)) << "ended by a signal instead of exiting";
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(ServeFakes, TakesCredentialsFromFlagsAndStopsOnSigint) {
  ServeFakes serve({"--lightspeed-key", "k0000000000000000000000000000001", "--lightspeed-secret",
                    "s0000000000000000000000000000001", "--picqer-key", "my-picqer-key", "--picqer-port", "0"});
  ASSERT_TRUE(serve.started());
  std::string line = serve.first_line();
  ASSERT_FALSE(line.empty());
  boost::json::value info = boost::json::parse(line);
  EXPECT_EQ(str(info, "lightspeed", "key"), "k0000000000000000000000000000001");
  EXPECT_EQ(str(info, "picqer", "key"), "my-picqer-key");
  {
    HttplibTransport http;
    std::string ls = str(info, "lightspeed", "url"), pq = str(info, "picqer", "url");
    EXPECT_EQ(get(http, ls + "/en/variants/11.json", "k0000000000000000000000000000001",
                  "s0000000000000000000000000000001")
                  .status,
              200);
    EXPECT_EQ(get(http, ls + "/en/variants/11.json", "lpsynckey0000000000000000000000a",
                  "lpsyncsecret00000000000000000000")
                  .status,
              401)
        << "the default key is not accepted once another is given";
    EXPECT_EQ(get(http, pq + "/api/v1/warehouses", "my-picqer-key", "").status, 200);
    EXPECT_EQ(get(http, pq + "/api/v1/warehouses", "picqer-test-key", "").status, 401);
  }
  int status = serve.stop_with(SIGINT);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(ServeFakes, AnInvalidScenarioIsAUsageError) {
  pid_t pid = fork();
  if (pid == 0) {
    std::string bin = runfile("tools/lpsync");
    execl(bin.c_str(), bin.c_str(), "serve-fakes", "--scenario", "/no/such/scenario.json", static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
}

}  // namespace
}  // namespace lpsync
