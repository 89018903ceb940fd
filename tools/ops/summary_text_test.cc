#include "tools/ops/summary_text.h"

#include <gtest/gtest.h>

namespace lpsync::ops {
namespace {

const Instant kNow = Instant::from_unix_seconds(1'800'000'000);

TEST(SummaryText, TheFiguresOfMetricsInWords) {
  OpsFigures f;
  f.gathered_at = kNow - Duration::seconds(20);
  f.started_at = kNow - Duration::hours(3);
  f.polls_expected = true;
  f.orders_imported = 42;
  f.held_by_reason = {{"duplicate_sku", 2}, {"unpaid", 5}};
  f.needing_person_by_reason = {{"cancelled_after_pick", 1}};
  f.shipments_pushed = 17;
  f.stock_pushes = 33;
  f.bulk_running = true;
  f.bulk_done = 120;
  f.bulk_total = 400;
  f.apis["lightspeed"] = {250, 3, 48};
  f.apis["picqer"] = {120, 0, 480};
  f.order_polls = 9;
  f.order_poll_failures = 2;
  f.last_successful_poll = kNow - Duration::minutes(4);
  f.webhook_arrivals = {{"picqer/orders.created", 7}};
  f.webhook_last_arrival = {{"picqer/orders.created", kNow - Duration::minutes(2)}};
  f.webhooks_refused = 1;
  f.problems_by_kind = {{"order", 2}};
  std::string text = summary_text(f, kNow);
  EXPECT_EQ(text,
            "Summary (figures of 2027-01-15T07:59:40Z, as /metrics shows them):\n"
            "  Orders: 42 imported, 7 held (duplicate_sku 2, unpaid 5), 1 needing a person (cancelled_after_pick 1)\n"
            "  Sent to the shop: 33 stock levels (this run), 17 shipments\n"
            "  Order polls: 9 complete, 2 failed; last success 4 min ago\n"
            "  Bulk import: 120/400 variants (running)\n"
            "  APIs: lightspeed 250 requests, 3 refused with 429, 48 left; picqer 120 requests, 0 refused with 429, "
            "480 left\n"
            "  Webhooks: picqer/orders.created 7 (last 2 min ago); 1 refused\n"
            "  Problems: order 2\n");
}

TEST(SummaryText, WithoutARunItSaysSo) {
  OpsFigures f;
  f.gathered_at = kNow;
  f.orders_imported = 3;
  std::string text = summary_text(f, kNow);
  EXPECT_NE(text.find("  Orders: 3 imported, 0 held, 0 needing a person\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  Order polls: no run is going on\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  Bulk import: not started\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  Problems: none\n"), std::string::npos) << text;
}

TEST(SummaryText, AFailingPollSaysSinceWhen) {
  OpsFigures f;
  f.started_at = kNow - Duration::hours(1);
  f.order_poll_failures = 4;
  f.poll_failing_since = kNow - Duration::minutes(40);
  std::string text = summary_text(f, kNow);
  EXPECT_NE(text.find("  Order polls: 0 complete, 4 failed; none succeeded yet; failing for 40 min\n"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace lpsync::ops
