#include "tools/ops/health.h"

#include <gtest/gtest.h>

#include "engine/env/json.h"

namespace lpsync::ops {
namespace {

const Instant kStart = Instant::from_unix_seconds(1'800'000'000);
const Duration kMax = Duration::minutes(15);

OpsFigures running() {
  OpsFigures f;
  f.started_at = kStart;
  f.polls_expected = true;
  return f;
}

TEST(Health, FreshPollIsHealthyAndSaysHowLongAgo) {
  OpsFigures f = running();
  f.last_successful_poll = kStart + Duration::minutes(20);
  HealthAnswer a = health_answer(f, kStart + Duration::minutes(21), kMax);
  EXPECT_EQ(a.status, 200);
  auto doc = json::parse(a.body).as_object();
  EXPECT_EQ(doc.at("status").as_string(), "ok");
  EXPECT_EQ(doc.at("last_successful_poll_seconds_ago").as_int64(), 60);
  EXPECT_EQ(doc.at("max_poll_age_seconds").as_int64(), 900);
}

TEST(Health, APollOlderThanTheThresholdIs503) {
  OpsFigures f = running();
  f.last_successful_poll = kStart;
  EXPECT_EQ(health_answer(f, kStart + kMax, kMax).status, 200);  // at the threshold: still fine
  HealthAnswer a = health_answer(f, kStart + kMax + Duration::seconds(1), kMax);
  EXPECT_EQ(a.status, 503);
  EXPECT_EQ(json::parse(a.body).as_object().at("status").as_string(), "stale");
}

TEST(Health, BeforeTheFirstPollTheRunsStartCounts) {
  OpsFigures f = running();
  HealthAnswer a = health_answer(f, kStart + Duration::minutes(5), kMax);
  EXPECT_EQ(a.status, 200);
  EXPECT_TRUE(json::parse(a.body).as_object().at("last_successful_poll_seconds_ago").is_null());
  EXPECT_EQ(health_answer(f, kStart + Duration::minutes(16), kMax).status, 503);
}

TEST(Health, WithoutPollsExpectedItStaysHealthy) {
  OpsFigures f = running();
  f.polls_expected = false;  // not active: no poll is due
  EXPECT_EQ(health_answer(f, kStart + Duration::days(2), kMax).status, 200);
}

TEST(Health, DefaultThresholdIsThreeIntervalsAtLeastTenMinutes) {
  EXPECT_EQ(default_max_poll_age(Duration::minutes(5)), Duration::minutes(15));
  EXPECT_EQ(default_max_poll_age(Duration::minutes(1)), Duration::minutes(10));
}

TEST(WorkerHealth, StaleAfterALeasePeriodWithoutAHeartbeat) {
  Duration lease = Duration::seconds(30);
  HealthAnswer a = worker_health(kStart + Duration::seconds(10), kStart, kStart + Duration::seconds(40), lease, 3);
  EXPECT_EQ(a.status, 200);
  auto doc = json::parse(a.body).as_object();
  EXPECT_EQ(doc.at("last_heartbeat_seconds_ago").as_int64(), 30);
  EXPECT_EQ(doc.at("leases_held").as_int64(), 3);
  EXPECT_EQ(worker_health(kStart + Duration::seconds(10), kStart, kStart + Duration::seconds(41), lease, 3).status, 503);
  EXPECT_EQ(worker_health(std::nullopt, kStart, kStart + Duration::seconds(20), lease, 0).status, 200);
  EXPECT_EQ(worker_health(std::nullopt, kStart, kStart + Duration::seconds(31), lease, 0).status, 503);
}

}  // namespace
}  // namespace lpsync::ops
