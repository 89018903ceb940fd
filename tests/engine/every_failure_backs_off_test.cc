// Every job backs off on every failure kind: while every call to one API fails the same way
// (429, 5xx, timeout, reset, a lost answer, a refused key), no job retries within the same
// instant or spins; the requests per simulated hour stay bounded by what the backoffs
// (5 s doubling to 10 min) and the poll intervals allow. All jobs are busy: orders arrive,
// stock and shipments are on, the hooks are set up and "Import products" runs.
#include <gtest/gtest.h>

#include <map>

#include "tests/engine/shop_fixture.h"

namespace lpsync::testing {
namespace {

using fakes::FaultKind;

const Instant kFaultsFrom = kStart + Duration::hours(1);
const Instant kFaultsUntil = kStart + Duration::hours(5);
// From here the backoffs have reached their cap (5 s doubling to 10 min takes about 20 min).
const Instant kMeasureFrom = kStart + Duration::hours(2);
// Six jobs, each at most one failed call per 10 min at the cap, jitter included: a few dozen
// an hour. A job that spins (the 401 storm sent 480 requests a minute) is far above.
constexpr size_t kMaxPerHour = 60;
// One failing call per job at one instant; a retry within the same instant would add more.
constexpr size_t kMaxAtOneInstant = 6;

struct FailureCase {
  const char* name;
  bool on_lightspeed;
  std::optional<FaultKind> kind;  // nullopt: the API refuses the engine's key (401)
};

struct Counts {
  size_t per_hour_max = 0;
  size_t at_one_instant_max = 0;
  size_t failed = 0;
};

Counts count(const fakes::Journal& journal) {
  Counts c;
  std::map<int64_t, size_t> per_hour, per_instant;
  for (const auto& e : journal.entries()) {
    if (e.at < kMeasureFrom || e.at >= kFaultsUntil) continue;
    c.failed += e.fault.has_value() || e.status == 401;
    c.per_hour_max = std::max(c.per_hour_max, ++per_hour[(e.at - kMeasureFrom).millis() / 3'600'000]);
    c.at_one_instant_max = std::max(c.at_one_instant_max, ++per_instant[e.at.unix_millis()]);
  }
  return c;
}

class EveryFailureKind : public ::testing::TestWithParam<FailureCase> {};

TEST_P(EveryFailureKind, BacksOffInEveryJob) {
  const FailureCase& c = GetParam();
  Settings s = active_settings();
  s.send_stock = true;
  s.send_shipments = true;
  sim::WorldConfig config = world_config(s, 3);
  if (!c.kind && c.on_lightspeed) config.engine_lightspeed_key = "revoked-key";
  if (!c.kind && !c.on_lightspeed) config.engine_picqer_key = "revoked-key";
  sim::World w(config);
  add_standard_catalogue(w);
  if (c.kind) {
    fakes::FaultRule rule{*c.kind, "", std::nullopt, kFaultsUntil, kFaultsFrom, 1.0};
    if (c.on_lightspeed) {
      w.lightspeed().faults().add(rule);
    } else {
      w.picqer().add_fault(rule);
    }
  }
  w.start_engine();
  w.clock().call_at(kFaultsFrom, [&w] { ASSERT_EQ(w.import_products(), ""); });
  for (int i = 0; i < 8; ++i) {
    w.clock().call_at(kStart + Duration::minutes(30 * i + 5),
                      [&w, i] { place_order(w, "ORD" + std::to_string(i), {{11, 1}, {21, 1}}); });
  }
  w.run_until(kFaultsUntil);
  Counts counts = count(c.on_lightspeed ? w.lightspeed().journal() : w.picqer().journal());
  EXPECT_GT(counts.failed, 0u) << "no call failed: the test proves nothing";
  EXPECT_LE(counts.per_hour_max, kMaxPerHour) << "requests in one simulated hour while every call fails";
  EXPECT_LE(counts.at_one_instant_max, kMaxAtOneInstant) << "requests at one simulated instant";
}

INSTANTIATE_TEST_SUITE_P(
    Failures, EveryFailureKind,
    ::testing::Values(FailureCase{"ls_429", true, FaultKind::http_429},
                      FailureCase{"ls_500", true, FaultKind::http_500},
                      FailureCase{"ls_503", true, FaultKind::http_503},
                      FailureCase{"ls_timeout", true, FaultKind::timeout},
                      FailureCase{"ls_reset", true, FaultKind::reset},
                      FailureCase{"ls_indeterminate", true, FaultKind::indeterminate},
                      FailureCase{"ls_refused_key", true, std::nullopt},
                      FailureCase{"pq_429", false, FaultKind::http_429},
                      FailureCase{"pq_500", false, FaultKind::http_500},
                      FailureCase{"pq_503", false, FaultKind::http_503},
                      FailureCase{"pq_timeout", false, FaultKind::timeout},
                      FailureCase{"pq_reset", false, FaultKind::reset},
                      FailureCase{"pq_indeterminate", false, FaultKind::indeterminate},
                      FailureCase{"pq_refused_key", false, std::nullopt}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace lpsync::testing
