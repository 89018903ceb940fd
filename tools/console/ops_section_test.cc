// The operator's figures on a connection's page: what the run's status file says, the chart of
// requests per quarter hour from its history, nothing without a run.
#include "tools/console/ops_section.h"

#include <gtest/gtest.h>

#include "engine/env/json.h"

namespace lpsync::console {
namespace {

namespace bj = boost::json;

const Instant kNow = Instant::from_unix_millis(1'790'000'000'000);

bj::object sample(int64_t lightspeed_requests) {
  return bj::object{{"at", format_iso8601(kNow)},
                    {"apis", {{"lightspeed", {{"requests", lightspeed_requests}, {"rate_limited", 0}}}}}};
}

TEST(OpsSection, ShowsTheRunsFiguresAndAChartOfItsRequests) {
  bj::object status{
      {"ops",
       {{"last_successful_poll", format_iso8601(kNow - Duration::seconds(90))},
        {"stock_pushes", 12},
        {"shipments_pushed", 3},
        {"apis", {{"lightspeed", {{"requests", 40}, {"rate_limited", 2}, {"budget_remaining", 260}}}}},  // now
        {"webhooks", {{"orders.updated", {{"arrivals", 5}, {"last", format_iso8601(kNow - Duration::minutes(3))}}}}},
        {"problems", {{"order_poll", 1}}},
        {"open_problems", bj::array{{{"kind", "order_poll"},
                                     {"message", "The order poll failed: 429 <retry>"},
                                     {"since", format_iso8601(kNow - Duration::minutes(20))}}}}}},
      {"ops_history", bj::array{sample(0), sample(10)}}};
  std::string html = ops_section(status, kNow);
  EXPECT_NE(html.find("Last successful order poll: <strong>1 min"), std::string::npos) << html;
  EXPECT_NE(html.find("Stock levels sent to the shop: <strong>12</strong>"), std::string::npos);
  EXPECT_NE(html.find("40 requests, 2 answered 429, 260 left"), std::string::npos);
  EXPECT_NE(html.find("orders.updated: 5, the last 3 min ago"), std::string::npos) << html;
  EXPECT_NE(html.find("<li>20 min ago: The order poll failed: 429 &lt;retry&gt;</li>"), std::string::npos) << html;
  // Two quarter hours: 10, then 30 requests until now; the taller bar is the full height.
  EXPECT_NE(html.find("aria-label=\"lightspeed: requests per quarter hour, last 24 h\""), std::string::npos);
  EXPECT_NE(html.find("y=\"27\" width=\"143\" height=\"13\""), std::string::npos) << html;
  EXPECT_NE(html.find("y=\"0\" width=\"143\" height=\"40\""), std::string::npos) << html;
}

TEST(OpsSection, NothingWithoutARunAndNoWebhookSaysSo) {
  EXPECT_EQ(ops_section(bj::object{{"orders_imported", 3}}, kNow), "");
  std::string html = ops_section(bj::object{{"ops", bj::object{}}}, kNow);
  EXPECT_NE(html.find("Last successful order poll: <strong>never"), std::string::npos);
  EXPECT_NE(html.find("None arrived in this run."), std::string::npos);
}

TEST(OpsSection, ARestartedRunsCountsDoNotDrawNegativeBars) {
  std::string html = bar_chart({}, "empty");
  EXPECT_EQ(html.find("<rect"), std::string::npos);
  bj::object status{{"ops", {{"apis", {{"lightspeed", {{"requests", 5}}}}}}},
                    {"ops_history", bj::array{sample(50)}}};
  html = ops_section(status, kNow);
  EXPECT_NE(html.find("height=\"0\""), std::string::npos) << html;
  EXPECT_EQ(html.find("height=\"-"), std::string::npos);
}

}  // namespace
}  // namespace lpsync::console
