#include "tools/ops/summary_text.h"

#include <gtest/gtest.h>

#include "tools/ops/busy_figures.h"

namespace lpsync::ops {
namespace {

const Instant kNow = Instant::from_unix_seconds(1'800'000'000);

TEST(SummaryText, TheFiguresOfMetricsInWords) {
  std::string text = summary_text(testing::busy_figures(), kNow);
  EXPECT_EQ(text,
            "Summary (figures of 2027-01-15T08:00:00Z, as /metrics shows them):\n"
            "  Orders: 42 imported, 7 held (duplicate_sku 2, unpaid 5), 1 needing a person (cancelled_after_pick 1)\n"
            "  Sent to the shop: 33 stock levels (this run), 17 shipments\n"
            "  Order polls: 9 complete, 2 failed; last success 59 s ago\n"
            "  Bulk import: 120/400 variants (running)\n"
            "  APIs: lightspeed 250 requests, 3 refused with 429, 48 left; picqer 120 requests, 0 refused with 429, "
            "480 left\n"
            "  Webhooks: lightspeed/orders 3 (last 33 min ago), picqer/products.free_stock_changed 7 (last 16 min ago); "
            "4 refused\n"
            "  Problems: order 2, page_cap 1\n");
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
