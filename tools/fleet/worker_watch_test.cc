// A fleet worker's alerts against the fake fleet over loopback HTTP, a real PostgreSQL and
// two loopback receivers the test starts: each connection's alerts go to its own webhook,
// signed with its own secret, through the worker's one sender; what each connection alerted
// is kept in its state. The Picqer API of the fake answers 429 here (through the host's test
// hook on the engines' transport): a budget exhausted, alerted once per connection. On the
// wall clock: the test waits for conditions with a deadline and asserts no timing.
#include "tools/fleet/worker_watch.h"

#include <gtest/gtest.h>

#include <mutex>
#include <sstream>
#include <thread>

#include "engine/env/http_server.h"
#include "engine/env/json.h"
#include "engine/state/pg_fleet.h"
#include "engine/state/pg_schema.h"
#include "tools/fleet/engine_host.h"
#include "tools/fleet/fleet_shops.h"
#include "tools/ops/alert_message.h"
#include "tools/ops/alert_receiver.h"
#include "tools/pg/postgres_suite.h"
#include "tools/process/child.h"

namespace lpsync::fleet {
namespace {

constexpr Duration kDeadline = Duration::seconds(90);

// Answers 429 to every Picqer request, passes the rest on.
class PicqerRefuses final : public Transport {
 public:
  PicqerRefuses(Transport& inner, std::string picqer_url) : inner_(inner), picqer_url_(std::move(picqer_url)) {}
  TransportResult send(const Request& r) override {
    if (r.url.rfind(picqer_url_, 0) != 0) return inner_.send(r);
    return Response{429, {{"Retry-After", "60"}}, "{\"error\":true,\"error_message\":\"Rate limit exceeded\"}"};
  }

 private:
  Transport& inner_;
  std::string picqer_url_;
};

using ops::testing::AlertReceiver;

class WorkerWatchTest : public FreshDatabaseTest {
 protected:
  bool wait_for(const std::function<bool()>& done) {
    return process::eventually(done, static_cast<double>(kDeadline.millis()) / 1000, 50);
  }

  std::ostringstream log_text_;
  SystemClock wall_;
  live::Redactor redactor_;
  live::Log log_{log_text_, false, wall_, redactor_};
};

TEST_F(WorkerWatchTest, EachConnectionAlertsItsOwnWebhookThroughTheWorkersOneSender) {
  fakes::FakeFleet fleet(fakes::FakeFleetOptions{2, 1, 7});
  ASSERT_TRUE(fleet.ok());
  fleet.with([&](fakes::FakeFleet& f) {
    for (int s = 0; s < 2; ++s) stock_shop(f, s);
  });
  AlertReceiver receivers[2];
  const std::string secrets[2] = {"alert-secret-shop-0-41d2", "alert-secret-shop-1-9e07"};
  std::vector<int64_t> ids;
  for (int s = 0; s < 2; ++s) {
    ASSERT_TRUE(receivers[s].server.ok());
    boost::json::object config = json::parse(connection_config(fleet, s)).as_object();
    config["alerts"] = {{"webhook_url", receivers[s].server.base_url() + "/alerts"}, {"webhook_secret", secrets[s]}};
    auto id = add_connection(*admin_, "shop-" + std::to_string(s), json::serialize(config));
    ASSERT_TRUE(id.ok()) << id.error().message;
    ids.push_back(id.value());
  }
  WorkerWatch alerts(wall_, log_, redactor_, Duration::millis(200),
                      ops::RetryPolicy{Duration::millis(50), Duration::millis(200), 5, 100});
  HostOptions options;
  options.threads = 1;
  options.watch = &alerts;
  std::string picqer_url = fleet.picqer_url();
  options.wrap_transport = [picqer_url](Transport& guarded) {
    return std::make_unique<PicqerRefuses>(guarded, picqer_url);
  };
  {
    EngineHost host(url_, options, log_, redactor_);
    auto db = pg::Db::connect(url_);
    ASSERT_TRUE(db.ok());
    Worker worker(*db.value(), "w1", host, WorkerOptions{});
    worker.tick(wall_.now());
    ASSERT_EQ(worker.running(), 2u);
    ASSERT_TRUE(wait_for([&] { return alerts.stats().sent >= 2; })) << log_text_.str();
    for (int s = 0; s < 2; ++s) {
      std::vector<Request> got = receivers[s].requests();
      ASSERT_EQ(got.size(), 1u) << "shop " << s << "\n" << log_text_.str();
      boost::json::object body = json::parse(got[0].body).as_object();
      EXPECT_EQ(body.at("cause").as_string(), "budget_exhausted");
      EXPECT_EQ(body.at("subject").as_string(), "picqer");
      EXPECT_EQ(body.at("connection").as_string(), "connection " + std::to_string(ids[s]));
      EXPECT_EQ(got[0].headers.get(ops::kSignatureHeader).value_or(""), ops::alert_signature(got[0].body, secrets[s]));
      // What it alerted is in its state: a worker taking it over does not alert it again.
      auto kept = admin_->exec("memory",
                               "SELECT convert_from(value, 'UTF8') FROM named_values WHERE connection_id = $1 AND "
                               "key = 'alerts.sent'",
                               {ids[s]});
      ASSERT_EQ(kept.size(), 1) << "shop " << s;
      EXPECT_NE(kept.text(0, 0)->find("budget_exhausted:picqer"), std::string::npos) << *kept.text(0, 0);
      // The run's figures are in its state too, for the console: the 429s and a chart sample.
      auto figures = admin_->exec("figures",
                                  "SELECT convert_from(value, 'UTF8') FROM named_values WHERE connection_id = $1 AND "
                                  "key = $2",
                                  {ids[s], std::string(WorkerWatch::kFiguresKey)});
      ASSERT_EQ(figures.size(), 1) << "shop " << s;
      boost::json::object kept_figures = json::parse(*figures.text(0, 0)).as_object();
      EXPECT_GT(kept_figures.at("ops").at("apis").at("picqer").at("rate_limited").as_int64(), 0) << *figures.text(0, 0);
      EXPECT_EQ(kept_figures.at("ops_history").as_array().size(), 1u) << *figures.text(0, 0);
    }
    worker.stop_all();
  }
  alerts.drain(Duration::seconds(1));
  EXPECT_EQ(alerts.stats().not_sent, 0);
  for (const std::string& secret : secrets) EXPECT_EQ(log_text_.str().find(secret), std::string::npos) << "a secret in the log";
}

}  // namespace
}  // namespace lpsync::fleet
