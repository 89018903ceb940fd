// lpsync run's listener answers GET /healthz and GET /metrics over loopback HTTP while the
// engine runs against both fakes: the metrics pass the strict reader of the exposition format
// and carry the run's figures (orders imported and held by reason, requests per API, a
// webhook by its topic, a forged one refused), the health check says how long ago the last
// poll succeeded, and no secret appears in either.
#include <gtest/gtest.h>

#include <thread>

#include "engine/env/clock.h"
#include "engine/env/httplib_transport.h"
#include "engine/env/json.h"
#include "fakes/picqer/picqer_fake.h"
#include "tests/live/live_fixture.h"
#include "engine/env/http_server.h"
#include "tools/ops/alert_message.h"
#include "tools/ops/alert_receiver.h"
#include "tools/ops/eventually.h"
#include "tools/ops/strict_exposition.h"

namespace lpsync::testing {
namespace {

namespace bj = boost::json;
namespace pq = fakes::picqer;
using ops::testing::parse_strictly;
using ops::testing::value_of;

using ops::testing::AlertReceiver;

// The Picqer fake answers its next request with 429.
void picqer_refuses_once(LiveWorld& w) {
  w.fakes->picqer([](pq::PicqerFake& p) {
    p.add_fault(fakes::FaultRule{fakes::FaultKind::http_429, "", 1});
    return true;
  });
}

// A config "alerting" whose alerts go to `receiver`, signed with alert-secret-e2e-41.
std::string alerting_config(LiveWorld& w, AlertReceiver& receiver) {
  ::setenv("LPSYNC_TEST_ALERT_SECRET", "alert-secret-e2e-41", 1);
  return write_config(w, "alerting", bj::object{{"active", true}},
                      bj::object{{"alerts", bj::object{{"webhook_url", receiver.server.base_url() + "/alerts"},
                                                       {"webhook_secret", "env:LPSYNC_TEST_ALERT_SECRET"}}}});
}

Response send(int port, const std::string& method, const std::string& path, std::string body = "") {
  HttplibTransport http;
  TransportResult r = http.send(Request{method, "http://127.0.0.1:" + std::to_string(port) + path, {}, body});
  return r.ok() ? r.value() : Response{};
}

// Polls /metrics until `done` holds for its figures (the run gathers them every 2 s).
bool metrics_until(int port, const std::function<bool(const ops::testing::Exposition&)>& done, std::string& text) {
  SystemClock wall;
  Instant until = wall.now() + Duration::seconds(30);
  while (wall.now() < until) {
    text = send(port, "GET", "/metrics").body;
    try {
      if (done(parse_strictly(text))) return true;
    } catch (const std::exception&) {
      // not there yet
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // polling a condition, not waiting for time
  }
  return false;
}

TEST(OpsEndpoints, HealthzAndMetricsOnTheListenerOfRun) {
  LiveWorld w = make_world("ops", false);
  add_shop(*w.fakes);
  std::string config = write_config(
      w, "ops", bj::object{{"active", true}, {"send_stock", true}},
      bj::object{{"webhooks", bj::object{{"listen", "127.0.0.1:0"}, {"public_url", "http://127.0.0.1:0"}}}});
  Background run({"run", "--config", config});
  ASSERT_TRUE(run.wait_for("picqer_hook_created", 2)) << run.log().text();
  ASSERT_TRUE(run.wait_for("stock_reconciled")) << run.log().text();
  int port = listening_port(run.log().text());
  ASSERT_GT(port, 0);

  // A signed Picqer webhook (a count changes the free stock) and a forged one.
  w.fakes->picqer([](pq::PicqerFake& p) { return p.set_stock("SHIRT-S", 1, 3).ok(); });
  ASSERT_TRUE(run.wait_for("webhook_received", 1)) << run.log().text();
  EXPECT_EQ(send(port, "POST", "/webhooks/picqer", R"({"event":"orders.created","data":{"idorder":1}})").status, 401);

  std::string text;
  ASSERT_TRUE(metrics_until(port, [](const ops::testing::Exposition& e) {
    return value_of(e, "lpsync_order_polls_total") >= 1 &&
           value_of(e, "lpsync_webhook_arrivals_total", {{"topic", "picqer/products.free_stock_changed"}}) >= 1 &&
           value_of(e, "lpsync_webhooks_refused_total") >= 1;
  }, text)) << text;
  ops::testing::Exposition e = parse_strictly(text);
  EXPECT_EQ(value_of(e, "lpsync_orders_imported_total"), 1) << text;  // ORD1; ORD2 unpaid, ORD3 a duplicate SKU
  EXPECT_EQ(value_of(e, "lpsync_orders_held", {{"reason", "duplicate_sku"}}), 1) << text;
  EXPECT_GT(value_of(e, "lpsync_api_requests_total", {{"api", "lightspeed"}}), 0);
  EXPECT_GT(value_of(e, "lpsync_api_requests_total", {{"api", "picqer"}}), 0);
  EXPECT_GT(value_of(e, "lpsync_api_budget_remaining_requests", {{"api", "picqer"}}), 0);
  EXPECT_GT(value_of(e, "lpsync_last_successful_poll_timestamp_seconds"), 1.7e9);
  EXPECT_EQ(send(port, "GET", "/metrics").headers.get("Content-Type").value_or(""),
            "text/plain; version=0.0.4; charset=utf-8");

  Response health = send(port, "GET", "/healthz");
  EXPECT_EQ(health.status, 200) << health.body;
  bj::object h = json::parse(health.body).as_object();
  EXPECT_EQ(h.at("status").as_string(), "ok");
  ASSERT_TRUE(h.at("last_successful_poll_seconds_ago").is_int64()) << health.body;
  EXPECT_LT(h.at("last_successful_poll_seconds_ago").as_int64(), 60);

  EXPECT_EQ(send(port, "POST", "/metrics").status, 405);

  // `lpsync status` (from the run's status file meanwhile) shows the same figures.
  SystemClock wall;
  Instant until = wall.now() + Duration::seconds(30);
  CliResult status;
  do {
    status = lpsync({"status", "--config", config});
    if (status.out.find("picqer/products.free_stock_changed") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // polling a condition, not waiting for time
  } while (wall.now() < until);
  EXPECT_EQ(status.code, 0) << status.err;
  EXPECT_NE(status.out.find("  Orders: 1 imported, 2 held (duplicate_sku 1, "), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("  Webhooks: picqer/products.free_stock_changed "), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("last success "), std::string::npos) << status.out;
  CliResult as_json = lpsync({"status", "--config", config, "--json"});
  ASSERT_EQ(as_json.code, 0) << as_json.err;
  bj::object summary = json::parse(as_json.out).as_object().at("summary").as_object();
  EXPECT_EQ(summary.at("orders_imported").as_int64(), 1);
  EXPECT_EQ(summary.at("orders_held").as_object().at("duplicate_sku").as_int64(), 1);
  EXPECT_GT(summary.at("apis").as_object().at("lightspeed").as_object().at("requests").as_int64(), 0);
  for (const std::string& secret : test_secrets()) {
    EXPECT_EQ(status.out.find(secret), std::string::npos) << "a secret in status";
    EXPECT_EQ(as_json.out.find(secret), std::string::npos) << "a secret in status --json";
  }
  for (const std::string& secret : test_secrets()) {
    EXPECT_EQ(text.find(secret), std::string::npos) << "a secret in /metrics";
    EXPECT_EQ(health.body.find(secret), std::string::npos) << "a secret in /healthz";
  }
  EXPECT_EQ(run.stop(), 0);
}

// With an alerts section, a 429 from Picqer reaches the merchant's webhook (a receiver the
// test starts on loopback) as a signed budget_exhausted alert, and the delivery is logged.
// A shop whose Picqer answers its next request 429, and a config alerting `receiver`.
class Alerting : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(receiver.server.ok());
    w = make_world(std::string("ops-") + ::testing::UnitTest::GetInstance()->current_test_info()->name(), false);
    add_shop(*w.fakes);
    picqer_refuses_once(w);
    config = alerting_config(w, receiver);
  }
  AlertReceiver receiver;
  LiveWorld w;
  std::string config;
};

TEST_F(Alerting, RunSendsASignedAlertToTheWebhook) {
  Background run({"run", "--config", config});
  ASSERT_TRUE(ops::testing::eventually([&] { return receiver.count() > 0; }, Duration::seconds(90)))
      << run.log().text();
  ASSERT_TRUE(run.wait_for("alert_sent")) << run.log().text();
  EXPECT_EQ(run.stop(), 0);
  std::lock_guard lock(receiver.mu);
  const Request& r = receiver.got[0];
  EXPECT_EQ(r.headers.get(ops::kSignatureHeader).value_or(""), ops::alert_signature(r.body, "alert-secret-e2e-41"));
  bj::object alert = json::parse(r.body).as_object();
  EXPECT_EQ(alert.at("cause").as_string(), "budget_exhausted");
  EXPECT_EQ(alert.at("subject").as_string(), "picqer");
  EXPECT_EQ(alert.at("connection").as_string(), "alerting");
  EXPECT_EQ(run.log().text().find("alert-secret-e2e-41"), std::string::npos);
  EXPECT_EQ(receiver.got.size(), 1u) << "once per period";
}

// `lpsync run --once` evaluates the alert rules after its pass and sends what is queued
// before it exits (the sender's thread would otherwise be stopped with the alert in its
// queue). A second --once a moment later, with another 429, is within the period: the state
// remembers the alert, nothing is sent again.
TEST_F(Alerting, RunOnceAlertsBeforeItExitsAndOncePerPeriodAcrossRuns) {
  // The 429 interrupts the order poll: --once says so with exit 1 (the next run polls again).
  CliResult once = lpsync({"run", "--config", config, "--once"});
  ASSERT_NE(once.code, 2) << once.out << once.err;
  {
    std::lock_guard lock(receiver.mu);
    ASSERT_EQ(receiver.got.size(), 1u) << "sent before lpsync exited\n" << once.err;
    bj::object alert = json::parse(receiver.got[0].body).as_object();
    EXPECT_EQ(alert.at("cause").as_string(), "budget_exhausted");
    EXPECT_EQ(alert.at("subject").as_string(), "picqer");
  }
  EXPECT_NE(once.err.find("alert_sent"), std::string::npos) << once.err;
  picqer_refuses_once(w);
  CliResult again = lpsync({"run", "--config", config, "--once"});
  ASSERT_NE(again.code, 2) << again.out << again.err;
  EXPECT_NE(again.out.find("1 rate-limited"), std::string::npos) << "the second run met a 429 too\n" << again.out;
  EXPECT_EQ(receiver.count(), 1u) << "alerted again within repeat_minutes\n" << again.err;
}

}  // namespace
}  // namespace lpsync::testing
