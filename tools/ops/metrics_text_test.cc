#include "tools/ops/metrics_text.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "tools/ops/busy_figures.h"
#include "tools/ops/strict_exposition.h"

namespace lpsync::ops {
namespace {

using testing::busy_figures;
using testing::Exposition;
using testing::parse_strictly;
using testing::value_of;


TEST(MetricsText, TheWholeOutputPassesTheStrictParser) {
  std::string text = metrics_text(busy_figures());
  Exposition e;
  ASSERT_NO_THROW(e = parse_strictly(text)) << text;
  EXPECT_EQ(value_of(e, "lpsync_orders_imported_total"), 42);
  EXPECT_EQ(value_of(e, "lpsync_orders_held", {{"reason", "unpaid"}}), 5);
  EXPECT_EQ(value_of(e, "lpsync_orders_needing_person", {{"reason", "cancelled_after_pick"}}), 1);
  EXPECT_EQ(value_of(e, "lpsync_stock_pushes_total"), 33);
  EXPECT_EQ(value_of(e, "lpsync_shipments_pushed_total"), 17);
  EXPECT_EQ(value_of(e, "lpsync_api_requests_total", {{"api", "lightspeed"}}), 250);
  EXPECT_EQ(value_of(e, "lpsync_api_rate_limited_total", {{"api", "lightspeed"}}), 3);
  EXPECT_EQ(value_of(e, "lpsync_api_budget_remaining_requests", {{"api", "picqer"}}), 480);
  EXPECT_EQ(value_of(e, "lpsync_order_polls_total"), 9);
  EXPECT_EQ(value_of(e, "lpsync_order_poll_failures_total"), 2);
  EXPECT_DOUBLE_EQ(value_of(e, "lpsync_last_successful_poll_timestamp_seconds"), 1799999940.5);
  EXPECT_EQ(value_of(e, "lpsync_bulk_import_variants_done"), 120);
  EXPECT_EQ(value_of(e, "lpsync_bulk_import_variants_planned"), 400);
  EXPECT_EQ(value_of(e, "lpsync_bulk_import_running"), 1);
  EXPECT_EQ(value_of(e, "lpsync_webhook_arrivals_total", {{"topic", "lightspeed/orders"}}), 3);
  EXPECT_EQ(value_of(e, "lpsync_problems", {{"kind", "order"}}), 2);
  EXPECT_EQ(value_of(e, "lpsync_webhooks_refused_total"), 4);
  EXPECT_EQ(value_of(e, "lpsync_start_time_seconds"), 1799990000);
}

TEST(MetricsText, AnEmptyStateStillGivesEveryFamilyAndPassesTheParser) {
  OpsFigures none;
  std::string text = metrics_text(none);
  Exposition e;
  ASSERT_NO_THROW(e = parse_strictly(text)) << text;
  EXPECT_EQ(value_of(e, "lpsync_orders_imported_total"), 0);
  // Without a poll yet there is no timestamp sample (0 would read as 1970), only its family.
  EXPECT_TRUE(e.type.count("lpsync_last_successful_poll_timestamp_seconds"));
  EXPECT_THROW(value_of(e, "lpsync_last_successful_poll_timestamp_seconds"), std::runtime_error);
}

TEST(MetricsText, LabelValuesAreEscaped) {
  OpsFigures f;
  f.held_by_reason["odd\"reason\\with\nnewline"] = 1;
  std::string text = metrics_text(f);
  EXPECT_NE(text.find(R"(reason="odd\"reason\\with\nnewline")"), std::string::npos) << text;
  Exposition e = parse_strictly(text);
  EXPECT_EQ(value_of(e, "lpsync_orders_held", {{"reason", "odd\"reason\\with\nnewline"}}), 1);
  EXPECT_EQ(escape_label_value("a\\b\"c\nd"), "a\\\\b\\\"c\\nd");
}

// The parser itself refuses what the format forbids (so a pass above means something).
TEST(StrictParser, RefusesWhatTheFormatForbids) {
  EXPECT_THROW(parse_strictly("x 1\n"), std::runtime_error);                                  // no TYPE
  EXPECT_THROW(parse_strictly("# HELP x h\n# TYPE x counter\nx 1\n"), std::runtime_error);     // no _total
  EXPECT_THROW(parse_strictly("# HELP x_total h\n# TYPE x_total gauge\nx_total 1\n"), std::runtime_error);
  EXPECT_THROW(parse_strictly("# HELP x h\n# TYPE x gauge\nx 1\nx 2\n"), std::runtime_error);   // same series
  EXPECT_THROW(parse_strictly("# HELP x h\n# TYPE x gauge\nx{a=\"b} 1\n"), std::runtime_error);  // unterminated
  EXPECT_THROW(parse_strictly("# HELP x h\n# TYPE x gauge\nx{a=\"\\t\"} 1\n"), std::runtime_error);
  EXPECT_THROW(parse_strictly("# HELP x h\n# TYPE x gauge\nx one\n"), std::runtime_error);
  EXPECT_THROW(parse_strictly("# HELP 1x h\n# TYPE 1x gauge\n1x 1\n"), std::runtime_error);
  EXPECT_THROW(parse_strictly("# HELP x h\n# TYPE x gauge\nx 1\n# HELP x again\n"), std::runtime_error);
  EXPECT_THROW(parse_strictly("# HELP x h\n# TYPE x gauge\nx 1"), std::runtime_error);         // no final newline
  EXPECT_NO_THROW(parse_strictly("# HELP x h\n# TYPE x gauge\nx{a=\"1\",b=\"\\\"\"} 1.5\n"));
}

}  // namespace
}  // namespace lpsync::ops
