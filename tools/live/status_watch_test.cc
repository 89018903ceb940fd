// The run's status watch hands what the alert rules decide to the alert sender: an order
// that needs a person reaches the merchant's webhook once, however often the figures are
// gathered, and the delivery is logged.
#include "tools/live/status_watch.h"

#include <gtest/gtest.h>

#include <sstream>

#include "engine/env/http_server.h"
#include "engine/env/json.h"
#include "tools/ops/eventually.h"
#include "tools/live/redactor.h"

namespace lpsync::live {
namespace {

using ops::testing::eventually;

TEST(StatusWatch, AnOrderNeedingAPersonIsAlertedOnce) {
  std::mutex mu;
  std::vector<Request> got;
  HttpServer receiver([&](const Request& r) -> TransportResult {
    std::lock_guard lock(mu);
    got.push_back(r);
    return Response{200, {}, ""};
  });
  ASSERT_TRUE(receiver.ok());
  SystemClock wall;
  std::ostringstream log_text;
  Redactor redactor;
  redactor.add_secret("alerts-webhook-secret", "watch-secret-1");
  Log log(log_text, false, wall, redactor);
  Instant t0 = Instant::from_unix_seconds(1'800'000'000);
  StatusWatch watch(t0);
  AlertsSection alerts;
  alerts.webhook_url = receiver.base_url() + "/hook";
  alerts.webhook_secret = "watch-secret-1";
  watch.alert_with(alerts, "acme", "", wall, log, ops::RetryPolicy{Duration::millis(10), Duration::millis(50), 3, 10});
  auto status = json::parse(R"({"orders_imported": 1, "held": [],
      "needs_person": [{"number": "ORD9", "reason": "cancelled_after_pick", "message": "m", "at": "2027-01-15T08:00:00Z"}],
      "bulk_import": {"running": false, "finished": false, "done": 0, "total": 0}})").as_object();
  Settings settings;
  watch.refresh(nullptr, status, settings, t0 + Duration::minutes(1));
  watch.refresh(nullptr, status, settings, t0 + Duration::minutes(2));
  ASSERT_TRUE(eventually([&] { return watch.alert_sender()->stats().sent == 1; }));
  watch.refresh(nullptr, status, settings, t0 + Duration::minutes(3));
  {
    std::lock_guard lock(mu);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(json::parse(got[0].body).as_object().at("subject").as_string(), "ORD9");
  }
  ASSERT_TRUE(eventually([&] { return log_text.str().find("alert_sent") != std::string::npos; }));
  EXPECT_EQ(log_text.str().find("watch-secret-1"), std::string::npos);
}

}  // namespace
}  // namespace lpsync::live
