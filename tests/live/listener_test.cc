// lpsync run with its listener on webhooks.listen (port 0): the Lightspeed app install and
// uninstall callbacks (signature checked, stale and replayed links refused, credentials kept
// in the state and deleted on uninstall, the connection created inactive with the default
// settings), and both APIs' webhooks reaching the engine (a forged one refused), recorded
// and replayed. Stopped with SIGTERM, as a merchant's service manager stops it.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "engine/env/httplib_transport.h"
#include "engine/state/sqlite_state_store.h"
#include "fakes/lightspeed/app_store.h"
#include "tests/live/live_fixture.h"
#include "tools/live/app_install.h"

namespace lpsync::testing {
namespace {

namespace bj = boost::json;
namespace ls = fakes::lightspeed;
namespace pq = fakes::picqer;

constexpr char kAppKey[] = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
constexpr char kAppSecret[] = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";

int get(int port, const std::string& path_and_query) {
  HttplibTransport http;
  TransportResult r = http.send(Request{"GET", "http://127.0.0.1:" + std::to_string(port) + path_and_query, {}, ""});
  return r.ok() ? r.value().status : 0;
}

std::string callback_path(const std::string& which, const ls::AppCallback& c) {
  return "/lightspeed/" + which + "?" + encode_query(c.query());
}

bj::object listener() { return bj::object{{"listen", "127.0.0.1:0"}, {"public_url", "http://127.0.0.1:0"}}; }

TEST(AppCallbacks, InstallIsCheckedStoredAndUninstallDeletesTheCredentials) {
  LiveWorld w = make_world("app", false);
  add_shop(*w.fakes);
  ::setenv("LPSYNC_TEST_APP_KEY", kAppKey, 1);
  ::setenv("LPSYNC_TEST_APP_SECRET", kAppSecret, 1);
  std::string config = write_config(w, "app", bj::object{{"active", true}}, bj::object{{"webhooks", listener()}});
  {  // The app's own key and secret, no language: the install names the shop.
    auto text = [&] {
      std::ifstream in(config);
      std::stringstream s;
      s << in.rdbuf();
      return s.str();
    }();
    bj::value doc = bj::parse(text);
    doc.as_object()["lightspeed"] = bj::object{{"base_url", w.fakes->lightspeed_url()},
                                               {"auth", "app"},
                                               {"key", "env:LPSYNC_TEST_APP_KEY"},
                                               {"secret", "env:LPSYNC_TEST_APP_SECRET"}};
    std::ofstream(config) << bj::serialize(doc);
  }

  CliResult before = lpsync({"run", "--config", config, "--once"});
  EXPECT_EQ(before.code, 2);
  EXPECT_NE(before.err.find("the app is not installed in a shop yet"), std::string::npos) << before.err;

  {
    Background run({"run", "--config", config});
    ASSERT_TRUE(run.wait_for("waiting_for_install")) << run.log().text();
    int port = listening_port(run.log().text());
    ASSERT_GT(port, 0);

    ls::AppCallback good = w.fakes->lightspeed([](ls::LightspeedFake& s) { return s.install_app(kAppKey, kAppSecret); });
    ls::AppCallback forged = good;
    forged.signature[0] = forged.signature[0] == 'a' ? 'b' : 'a';
    EXPECT_EQ(get(port, callback_path("install", forged)), 401) << "a bad signature";
    ls::AppCallback stale =
        ls::signed_install(good.language, good.shop_id, good.timestamp - 11 * 60, *good.token, good.cluster_id, kAppSecret);
    EXPECT_EQ(get(port, callback_path("install", stale)), 401) << "signed 11 minutes ago";
    ls::AppCallback future =
        ls::signed_install(good.language, good.shop_id, good.timestamp + 11 * 60, *good.token, good.cluster_id, kAppSecret);
    EXPECT_EQ(get(port, callback_path("install", future)), 401) << "signed 11 minutes ahead";
    EXPECT_EQ(log_events(run.log().text(), "app_installed").size(), 0u);

    EXPECT_EQ(get(port, callback_path("install", good)), 200);
    EXPECT_EQ(get(port, callback_path("install", good)), 409) << "a replayed link";
    ASSERT_TRUE(run.wait_for("app_installed"));
    // Section 9: the new connection is inactive, with the default settings.
    auto started = log_events(run.log().text(), "engine_started");
    ASSERT_EQ(started.size(), 1u);
    EXPECT_FALSE(started[0].at("active").as_bool());
    EXPECT_EQ(log_events(run.log().text(), "app_callback_refused").size(), 4u);

    CliResult status = lpsync({"status", "--config", config, "--json"});
    ASSERT_EQ(status.code, 0) << status.err;
    EXPECT_NE(status.out.find("\"installation\":{\"shop_id\":1"), std::string::npos) << status.out;
    EXPECT_EQ(run.stop(), 0);
  }

  // The stored app password works: the next run imports with it.
  CliResult once = lpsync({"run", "--config", config, "--once"});
  ASSERT_EQ(once.code, 0) << once.err;
  EXPECT_NE(once.out.find("ORD1 -> Picqer order"), std::string::npos) << once.out;

  {
    Background run({"run", "--config", config});
    ASSERT_TRUE(run.wait_for("listening")) << run.log().text();
    int port = listening_port(run.log().text());
    ls::AppCallback bye = w.fakes->lightspeed([](ls::LightspeedFake& s) { return s.uninstall_app(kAppKey, kAppSecret); });
    ls::AppCallback forged = bye;
    forged.signature[1] = forged.signature[1] == 'a' ? 'b' : 'a';
    EXPECT_EQ(get(port, callback_path("uninstall", forged)), 401);
    EXPECT_EQ(get(port, callback_path("uninstall", bye)), 200);
    ASSERT_TRUE(run.wait_for("app_uninstalled"));
    EXPECT_EQ(run.stop(), 0);
  }
  auto store = SqliteStateStore::open(w.dir + "/app-state/state.db");
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_FALSE(live::stored_installation(*store.value().store).has_value()) << "uninstalling deletes the credentials";
  store.value().store.reset();
  CliResult after = lpsync({"run", "--config", config, "--once"});
  EXPECT_EQ(after.code, 2);
}

TEST(Webhooks, BothApisReachTheEngineAndTheRunReplays) {
  LiveWorld w = make_world("webhooks", false);
  add_shop(*w.fakes);
  std::string config = write_config(w, "hooks", bj::object{{"active", true}, {"send_stock", true}},
                                    bj::object{{"webhooks", listener()}});
  std::string cassette = w.dir + "/webhooks.jsonl";
  {
    Background run({"run", "--config", config, "--record", cassette});
    ASSERT_TRUE(run.wait_for("picqer_hook_created", 2)) << run.log().text();
    ASSERT_TRUE(run.wait_for("lightspeed_webhook_created", 3)) << run.log().text();
    ASSERT_TRUE(run.wait_for("stock_reconciled")) << run.log().text();
    int port = listening_port(run.log().text());

    // Picqer: a count changes the free stock; its signed webhook is accepted.
    w.fakes->picqer([](pq::PicqerFake& p) { return p.set_stock("SHIRT-S", 1, 3).ok(); });
    ASSERT_TRUE(run.wait_for("webhook_received", 1)) << run.log().text();
    // Lightspeed: a new order; its webhook carries the secret token in its address.
    w.fakes->lightspeed([](ls::LightspeedFake& s) {
      ls::OrderSpec o;
      o.number = "ORD4";
      o.payment_status = "paid";
      ls::OrderLineSpec line;
      line.variant = 21;
      o.lines.push_back(line);
      return s.place_order(o);
    });
    ASSERT_TRUE(run.wait_for("webhook_received", 2)) << run.log().text();
    // A forged Picqer delivery (no signature) is refused before it reaches the engine.
    HttplibTransport http;
    TransportResult forged = http.send(Request{"POST", "http://127.0.0.1:" + std::to_string(port) + "/webhooks/picqer",
                                               {{"Content-Type", "application/json"}},
                                               R"({"event":"products.free_stock_changed","data":{"idproduct":1}})"});
    ASSERT_TRUE(forged.ok());
    EXPECT_EQ(forged.value().status, 401);
    EXPECT_EQ(run.stop(), 0);

    auto received = log_events(run.log().text(), "webhook_received");
    ASSERT_GE(received.size(), 2u);
    std::set<std::string> paths;
    for (const auto& r : received) {
      EXPECT_EQ(r.at("status").as_int64(), 200);
      paths.insert(std::string(r.at("path").as_string()));
    }
    EXPECT_TRUE(paths.count("/webhooks/picqer"));
    EXPECT_TRUE(paths.count("/webhooks/lightspeed/[redacted:webhook-token]")) << "the token never reaches the log";
    EXPECT_EQ(log_events(run.log().text(), "webhook_refused").size(), 1u);
    EXPECT_NE(run.out().find("Orders imported into Picqer: 1"), std::string::npos) << run.out();
  }
  CliResult replay = lpsync({"replay-cassette", cassette});
  EXPECT_EQ(replay.code, 0) << replay.out << replay.err;
  EXPECT_NE(replay.out.find("PASS"), std::string::npos) << replay.out;
}

}  // namespace
}  // namespace lpsync::testing
