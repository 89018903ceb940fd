// `lpsync run` with its webhook listener on loopback, attacked: an oversized unsigned
// delivery, a bodiless POST, forged deliveries (one with a valid Lightspeed token and a
// forged X-Signature), and SIGTERM while slow clients hold connections. Bounded loops; time is asserted only as a generous "not stuck".
#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "engine/env/crypto.h"
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

TEST(HostileListener, AForgedLightspeedSignatureIsRefusedDespiteAValidToken) {
  LiveWorld world = make_world("forged_signature", false);
  add_shop(*world.fakes);
  std::string config = write_config(world, "forged_signature", bj::object{{"active", true}, {"send_stock", true}},
                                    bj::object{{"webhooks", listener()}});
  Background run({"run", "--config", config});
  ASSERT_TRUE(run.wait_for("lightspeed_webhook_created", 3)) << run.log().text();
  // The address the engine registered holds its secret token: the attacker knows it here.
  std::string address = world.fakes->lightspeed([](fakes::lightspeed::LightspeedFake& s) {
    return s.shop().webhooks().begin()->second.address;
  });
  std::string path = address.substr(address.find("/webhooks/lightspeed/"));
  std::string body = R"({"order":{"id":1,"number":"ORD1"}})";
  std::string forged_signature = lightspeed_signature(body, "a-guessed-app-secret");
  RawClient c(listening_port(run.log().text()));
  ASSERT_TRUE(c.send("POST " + path + " HTTP/1.1\r\nHost: x\r\nX-Signature: " + forged_signature +
                     "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body));
  std::string answer = c.read_response(milliseconds(5000));
  EXPECT_EQ(status_of(answer), 401) << answer;
  EXPECT_NE(body_of(answer).find("X-Signature does not match"), std::string::npos) << answer;
  EXPECT_EQ(run.stop(), 0);
  auto refused = log_events(run.log().text(), "webhook_refused");
  ASSERT_EQ(refused.size(), 1u) << run.log().text();
  EXPECT_EQ(refused[0].at("status").as_int64(), 401);
  for (const std::string& secret : test_secrets()) {
    EXPECT_EQ(answer.find(secret), std::string::npos) << "a secret in the answer";
    EXPECT_EQ(run.log().text().find(secret), std::string::npos) << "a secret in the log";
  }
}

}  // namespace
}  // namespace lpsync::testing
