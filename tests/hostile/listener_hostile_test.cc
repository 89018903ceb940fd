// `lpsync run` with its webhook listener on loopback, attacked: an oversized unsigned
// delivery, a bodiless POST, forged deliveries, and SIGTERM while slow clients hold
// connections. Bounded loops; time is asserted only as a generous "not stuck".
#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "tests/hostile/raw_client.h"
#include "tests/live/live_fixture.h"

namespace lpsync::testing {
namespace {

namespace bj = boost::json;
using std::chrono::milliseconds;

bj::object listener() { return bj::object{{"listen", "127.0.0.1:0"}, {"public_url", "http://127.0.0.1:0"}}; }

struct RunWorld {
  LiveWorld world;
  std::string config;
};

RunWorld running_world(const std::string& name) {
  RunWorld r{make_world(name, false), ""};
  add_shop(*r.world.fakes);
  r.config = write_config(r.world, name, bj::object{{"active", true}}, bj::object{{"webhooks", listener()}});
  return r;
}

TEST(HostileListener, AnOversizedDeliveryIsRefusedWith413BeforeItIsRead) {
  RunWorld w = running_world("oversized");
  Background run({"run", "--config", w.config});
  ASSERT_TRUE(run.wait_for("listening")) << run.log().text();
  int port = listening_port(run.log().text());
  RawClient c(port);
  ASSERT_TRUE(c.send("POST /webhooks/picqer HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n"));
  std::string answer = c.read_response(milliseconds(5000));
  EXPECT_EQ(status_of(answer), 413) << answer;
  EXPECT_NE(body_of(answer).find("at most 262144 bytes"), std::string::npos) << answer;
  EXPECT_EQ(run.stop(), 0);
}

TEST(HostileListener, ABodilessPostGetsTheListenersOwnAnswer) {
  RunWorld w = running_world("bodiless");
  Background run({"run", "--config", w.config});
  ASSERT_TRUE(run.wait_for("listening")) << run.log().text();
  RawClient c(listening_port(run.log().text()));
  ASSERT_TRUE(c.send("POST /webhooks/picqer HTTP/1.1\r\nHost: x\r\n\r\n"));
  std::string answer = c.read_response(milliseconds(3000));
  EXPECT_EQ(status_of(answer), 401) << "unsigned, so refused by the signature check: " << answer;
  EXPECT_FALSE(body_of(answer).empty()) << answer;
  EXPECT_EQ(run.stop(), 0);
}

TEST(HostileListener, SigtermWithSlowClientsStopsPromptly) {
  RunWorld w = running_world("sigterm");
  Background run({"run", "--config", w.config});
  ASSERT_TRUE(run.wait_for("listening")) << run.log().text();
  int port = listening_port(run.log().text());
  std::vector<RawClient> slow;
  for (int i = 0; i < 10; ++i) {
    slow.emplace_back(port);
    slow.back().send("POST /webhooks/picqer HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n");
  }
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(run.stop(), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10)) << "a service manager would SIGKILL it";
  EXPECT_EQ(log_events(run.log().text(), "stopped").size(), 1u);
}

TEST(HostileListener, IdleConnectionsDoNotKeepAForgedDeliveryFromItsAnswer) {
  RunWorld w = running_world("flood");
  Background run({"run", "--config", w.config});
  ASSERT_TRUE(run.wait_for("listening")) << run.log().text();
  int port = listening_port(run.log().text());
  std::vector<RawClient> idle;
  for (int i = 0; i < 100; ++i) idle.emplace_back(port);
  RawClient forged(port);
  forged.send("POST /webhooks/picqer HTTP/1.1\r\nHost: x\r\nX-Picqer-Signature: Zm9yZ2Vk\r\nContent-Length: 2\r\n\r\n{}");
  EXPECT_EQ(status_of(forged.read_response(milliseconds(5000))), 401) << "answered within 5 s despite the flood";
  EXPECT_EQ(run.stop(), 0);
}

}  // namespace
}  // namespace lpsync::testing
