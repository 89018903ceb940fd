#include "tools/ops/alert_rules.h"

#include <gtest/gtest.h>

namespace lpsync::ops {
namespace {

const Instant kT0 = Instant::from_unix_seconds(1'800'000'000);
const AlertThresholds kThresholds{Duration::minutes(30), Duration::hours(6), Duration::hours(24)};

std::vector<std::string> keys(const std::vector<Alert>& alerts) {
  std::vector<std::string> out;
  for (const auto& a : alerts) out.push_back(a.key());
  return out;
}

OpsFigures quiet() {
  OpsFigures f;
  f.started_at = kT0;
  f.polls_expected = true;
  f.apis["lightspeed"] = {10, 0, 200};
  f.apis["picqer"] = {10, 0, 400};
  return f;
}

TEST(AlertRules, NothingToSayOnAQuietRun) {
  AlertRules rules(kThresholds);
  EXPECT_TRUE(rules.evaluate(quiet(), kT0 + Duration::hours(1)).empty());
}

TEST(AlertRules, AnOrderNeedingAPersonOncePerPeriod) {
  AlertRules rules(kThresholds);
  OpsFigures f = quiet();
  f.orders_needing_person = {{"ORD7", "cancelled_after_pick"}};
  std::vector<Alert> first = rules.evaluate(f, kT0);
  ASSERT_EQ(keys(first), std::vector<std::string>{"order_needs_person:ORD7"});
  EXPECT_NE(first[0].message.find("ORD7"), std::string::npos);
  EXPECT_EQ(first[0].at, kT0);
  EXPECT_TRUE(rules.evaluate(f, kT0 + Duration::minutes(1)).empty()) << "once";
  EXPECT_TRUE(rules.evaluate(f, kT0 + Duration::hours(23)).empty()) << "still within the period";
  EXPECT_EQ(keys(rules.evaluate(f, kT0 + Duration::hours(24))), std::vector<std::string>{"order_needs_person:ORD7"})
      << "a reminder after the period, while it still needs a person";
  // Another order is its own cause.
  f.orders_needing_person.push_back({"ORD8", "lines_changed_after_import"});
  EXPECT_EQ(keys(rules.evaluate(f, kT0 + Duration::hours(25))), std::vector<std::string>{"order_needs_person:ORD8"});
}

TEST(AlertRules, PollFailingLongerThanTheThreshold) {
  AlertRules rules(kThresholds);
  OpsFigures f = quiet();
  f.poll_failing_since = kT0;
  EXPECT_TRUE(rules.evaluate(f, kT0 + Duration::minutes(29)).empty());
  EXPECT_EQ(keys(rules.evaluate(f, kT0 + Duration::minutes(30))), std::vector<std::string>{"poll_failing"});
  EXPECT_TRUE(rules.evaluate(f, kT0 + Duration::minutes(90)).empty());
  // It recovers and fails again later: a new period, a new alert only after the period.
  f.poll_failing_since.reset();
  EXPECT_TRUE(rules.evaluate(f, kT0 + Duration::hours(2)).empty());
  f.poll_failing_since = kT0 + Duration::hours(30);
  EXPECT_EQ(keys(rules.evaluate(f, kT0 + Duration::hours(31))), std::vector<std::string>{"poll_failing"});
}

TEST(AlertRules, AWebhookTopicSilentTooLong) {
  AlertRules rules(kThresholds);
  OpsFigures f = quiet();
  f.webhook_last_arrival["picqer/products.free_stock_changed"] = kT0;
  f.webhook_last_arrival["lightspeed/orders"] = kT0 + Duration::hours(5);
  std::vector<Alert> due = rules.evaluate(f, kT0 + Duration::hours(6));
  EXPECT_EQ(keys(due), std::vector<std::string>{"webhook_silent:picqer/products.free_stock_changed"});
  EXPECT_TRUE(rules.evaluate(f, kT0 + Duration::hours(7)).empty());
}

TEST(AlertRules, ABudgetRefusedWith429) {
  AlertRules rules(kThresholds);
  OpsFigures f = quiet();
  f.apis["picqer"].rate_limited = 2;
  EXPECT_EQ(keys(rules.evaluate(f, kT0)), std::vector<std::string>{"budget_exhausted:picqer"});
  f.apis["picqer"].rate_limited = 3;
  EXPECT_TRUE(rules.evaluate(f, kT0 + Duration::minutes(5)).empty()) << "once per period";
  EXPECT_TRUE(rules.evaluate(f, kT0 + Duration::hours(25)).empty()) << "no new 429 since: nothing to say";
  f.apis["picqer"].rate_limited = 4;
  EXPECT_EQ(keys(rules.evaluate(f, kT0 + Duration::hours(26))), std::vector<std::string>{"budget_exhausted:picqer"});
}

TEST(AlertRules, ABudgetUsedUpEarlyInItsWindow) {
  AlertRules rules(kThresholds);
  OpsFigures f = quiet();
  f.apis["lightspeed"].exhausted_early_window_s = 3600;
  std::vector<Alert> due = rules.evaluate(f, kT0);
  ASSERT_EQ(keys(due), std::vector<std::string>{"budget_exhausted_early:lightspeed"});
  EXPECT_NE(due[0].message.find("its 60 min window is used up with more than half of the window to go"),
            std::string::npos)
      << due[0].message;
  EXPECT_TRUE(rules.evaluate(f, kT0 + Duration::minutes(10)).empty()) << "once per period";
  f.apis["lightspeed"].exhausted_early_window_s = 0;
  EXPECT_TRUE(rules.evaluate(f, kT0 + Duration::hours(26)).empty()) << "no longer: nothing to say";
}

TEST(AlertRules, RemembersABoundedNumberOfCauses) {
  AlertRules rules(kThresholds);
  OpsFigures f = quiet();
  for (size_t i = 0; i < AlertRules::kMaxRemembered + 50; ++i) {
    f.orders_needing_person = {{"ORD" + std::to_string(i), "cancelled_after_pick"}};
    ASSERT_EQ(rules.evaluate(f, kT0 + Duration::seconds(static_cast<int64_t>(i))).size(), 1u);
  }
  // The newest are still remembered.
  EXPECT_TRUE(rules.evaluate(f, kT0 + Duration::hours(1)).empty());
}

}  // namespace
}  // namespace lpsync::ops
