#include "tools/ops/alert_outbox.h"

#include <gtest/gtest.h>

namespace lpsync::ops {
namespace {

const Instant kT0 = Instant::from_unix_seconds(1'800'000'000);
const RetryPolicy kPolicy{Duration::seconds(30), Duration::minutes(10), 4, 3};

Alert alert(std::string subject) { return Alert{"order_needs_person", std::move(subject), "m", kT0}; }

TEST(RetryDelay, DoublesUpToTheCap) {
  EXPECT_EQ(retry_delay(1, kPolicy), Duration::seconds(30));
  EXPECT_EQ(retry_delay(2, kPolicy), Duration::seconds(60));
  EXPECT_EQ(retry_delay(3, kPolicy), Duration::seconds(120));
  EXPECT_EQ(retry_delay(6, kPolicy), Duration::minutes(10));
  EXPECT_EQ(retry_delay(60, kPolicy), Duration::minutes(10)) << "no overflow";
}

TEST(AlertOutbox, RetriesAfterItsDelayAndGivesUpAfterMaxAttempts) {
  AlertOutbox box(kPolicy);
  ASSERT_TRUE(box.add(alert("ORD1"), Channel::webhook, kT0));
  std::optional<Delivery> d = box.take_due(kT0);
  ASSERT_TRUE(d);
  EXPECT_EQ(box.size(), 0u);
  ASSERT_TRUE(box.failed(*d, kT0));
  EXPECT_FALSE(box.take_due(kT0 + Duration::seconds(29))) << "not before its delay";
  EXPECT_EQ(box.next_due(), kT0 + Duration::seconds(30));
  d = box.take_due(kT0 + Duration::seconds(30));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->attempts, 1);
  ASSERT_TRUE(box.failed(*d, kT0 + Duration::seconds(30)));
  d = box.take_due(kT0 + Duration::seconds(90));
  ASSERT_TRUE(d);
  ASSERT_TRUE(box.failed(*d, kT0 + Duration::seconds(90)));
  d = box.take_due(kT0 + Duration::seconds(210));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->attempts, 3);
  EXPECT_FALSE(box.failed(*d, kT0 + Duration::seconds(210))) << "the fourth attempt was the last";
  EXPECT_EQ(box.size(), 0u);
}

TEST(AlertOutbox, IsBounded) {
  AlertOutbox box(kPolicy);
  EXPECT_TRUE(box.add(alert("1"), Channel::webhook, kT0));
  EXPECT_TRUE(box.add(alert("1"), Channel::mail, kT0));
  EXPECT_TRUE(box.add(alert("2"), Channel::webhook, kT0));
  EXPECT_FALSE(box.add(alert("3"), Channel::webhook, kT0));
  EXPECT_EQ(box.size(), 3u);
}

TEST(AlertOutbox, ADueRetryDoesNotWaitBehindALaterOne) {
  AlertOutbox box(kPolicy);
  box.add(alert("late"), Channel::webhook, kT0);
  Delivery late = *box.take_due(kT0);
  box.failed(late, kT0);  // due at +30 s
  box.add(alert("now"), Channel::webhook, kT0 + Duration::seconds(1));
  std::optional<Delivery> d = box.take_due(kT0 + Duration::seconds(1));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->alert.subject, "now");
}

}  // namespace
}  // namespace lpsync::ops
