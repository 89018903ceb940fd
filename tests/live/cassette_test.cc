// Record and replay: a live run recorded with --record replays to the same decisions (from an
// empty state and from the state an earlier run left), with personal data taken out on
// request; a request that differs from the recording stops the replay with the closest
// recorded request and a diff; and no secret reaches a cassette, a log or a report.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/live/live_fixture.h"
#include "tests/live/secret_scan.h"

namespace lpsync::testing {
namespace {

namespace bj = boost::json;
namespace pq = fakes::picqer;

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class Cassettes : public ::testing::Test {
 protected:
  void SetUp() override {
    world_ = make_world("cassettes", true);
    ASSERT_TRUE(world_.fakes->ok());
    add_shop(*world_.fakes);
    // shipment_delay 0: the run after the shipment comes moments later on the wall clock.
    config_ = write_config(world_, "shop",
                           bj::object{{"active", true}, {"send_stock", true}, {"send_shipments", true}, {"shipment_delay", 0}});
  }
  std::string path(const std::string& name) const { return world_.dir + "/" + name; }
  void expect_no_secrets(const std::string& what, const std::string& text) {
    auto leaks = find_secrets(text, test_secrets());
    EXPECT_TRUE(leaks.empty()) << what << ":\n" << (leaks.empty() ? "" : leaks.front());
  }

  LiveWorld world_;
  std::string config_;
};

TEST_F(Cassettes, ARecordedRunReplaysToTheSameDecisions) {
  CliResult first = lpsync({"run", "--config", config_, "--once", "--record", path("first.jsonl")});
  ASSERT_EQ(first.code, 0) << first.err;
  CliResult replay = lpsync({"replay-cassette", path("first.jsonl"), "--trace", path("first-replay.jsonl")});
  EXPECT_EQ(replay.code, 0) << replay.out << replay.err;
  EXPECT_NE(replay.out.find("PASS"), std::string::npos) << replay.out;
  EXPECT_NE(read(path("first-replay.jsonl")).find("\"decision\":\"order_imported\""), std::string::npos);

  // The second run starts from the state the first one left: the cassette carries it.
  world_.fakes->picqer([](pq::PicqerFake& p) { return p.ship_order("ORD1", "3SLIVE0002").ok(); });
  CliResult second = lpsync({"run", "--config", config_, "--once", "--record", path("second.jsonl")});
  ASSERT_EQ(second.code, 0) << second.err;
  ASSERT_NE(second.out.find("Shipments marked shipped in the shop: 1"), std::string::npos) << second.out;
  replay = lpsync({"replay-cassette", path("second.jsonl")});
  EXPECT_EQ(replay.code, 0) << replay.out << replay.err;

  for (const char* file : {"first.jsonl", "second.jsonl"}) expect_no_secrets(file, read(path(file)));
  expect_no_secrets("the logs", first.err + second.err);
  expect_no_secrets("the replay's trace", read(path("first-replay.jsonl")));
  expect_no_secrets("the reports", first.out + second.out);
  EXPECT_NE(read(path("first.jsonl")).find("ann@example.nl"), std::string::npos)
      << "personal data stays unless --redact-personal";
}

TEST_F(Cassettes, RedactPersonalTakesCustomersOutAndStillReplays) {
  CliResult run = lpsync({"run", "--config", config_, "--once", "--record", path("private.jsonl"), "--redact-personal"});
  ASSERT_EQ(run.code, 0) << run.err;
  std::string cassette = read(path("private.jsonl"));
  for (const char* personal : {"ann@example.nl", "Damrak", "de Vries", "1012 LG", "+31 20 123 4567"}) {
    EXPECT_EQ(cassette.find(personal), std::string::npos) << personal;
  }
  EXPECT_NE(cassette.find("[personal]"), std::string::npos);
  CliResult replay = lpsync({"replay-cassette", path("private.jsonl")});
  EXPECT_EQ(replay.code, 0) << replay.out << replay.err;
}

TEST_F(Cassettes, AnUnexpectedRequestFailsWithTheClosestRecordedOneAndADiff) {
  CliResult run = lpsync({"run", "--config", config_, "--once", "--record", path("run.jsonl")});
  ASSERT_EQ(run.code, 0) << run.err;
  // As if the engine had sent another order: the recording's create has another reference.
  std::string text = read(path("run.jsonl"));
  size_t create = text.find("/api/v1/orders\",\"headers\"");
  ASSERT_NE(create, std::string::npos);
  size_t reference = text.find(R"(\"reference\":\"ORD1\")", create);
  ASSERT_NE(reference, std::string::npos);
  text.replace(reference, std::string(R"(\"reference\":\"ORD1\")").size(), R"(\"reference\":\"ORD9\")");
  std::ofstream(path("tampered.jsonl")) << text;

  CliResult replay = lpsync({"replay-cassette", path("tampered.jsonl")});
  EXPECT_EQ(replay.code, 1);
  const std::string& out = replay.out;
  EXPECT_NE(out.find("FAIL"), std::string::npos) << out;
  EXPECT_NE(out.find("the engine sent a request the recording does not have next"), std::string::npos) << out;
  EXPECT_NE(out.find("closest recorded request: exchange"), std::string::npos) << out;
  EXPECT_NE(out.find("POST"), std::string::npos) << out;
  EXPECT_NE(out.find("    -   \"reference\": \"ORD9\",\n    +   \"reference\": \"ORD1\","), std::string::npos) << out;
}

}  // namespace
}  // namespace lpsync::testing
