// Replayed deliveries: every webhook of both fakes delivered twice (a valid delivery sent
// again, as a replaying attacker or a retrying sender would) ends with the same orders,
// shipments and writes as a run without the repeats, and little extra work. Delivery level
// only: the signature checks are the receiver's tests. Simulated clock.
#include <gtest/gtest.h>

#include "tests/engine/shop_fixture.h"

namespace lpsync::testing {
namespace {

struct Outcome {
  std::vector<std::string> references;
  size_t shipment_writes = 0;
  size_t picqer_writes = 0;
  size_t requests = 0;
  size_t webhooks_repeated = 0;
};

Outcome run(bool repeat_deliveries) {
  Settings s = active_settings();
  s.send_stock = true;
  s.send_shipments = true;
  sim::World w(world_config(s, 5));
  add_standard_catalogue(w);
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));
  if (repeat_deliveries) {
    fakes::FaultRule twice{fakes::FaultKind::webhook_duplicate, "", std::nullopt, kStart + Duration::days(1),
                           w.clock().now()};
    w.lightspeed().faults().add(twice);
    w.picqer().add_fault(twice);
  }
  for (int i = 0; i < 6; ++i) place_order(w, "ORD" + std::to_string(i), {{11, 1}, {21, 1}});
  w.run_until(kStart + Duration::minutes(20));
  for (int i = 0; i < 6; ++i) {
    EXPECT_TRUE(w.picqer().ship_order("ORD" + std::to_string(i), "3S" + std::to_string(i), "postnl").ok());
  }
  w.run_until(kStart + Duration::hours(2));
  Outcome o;
  o.references = picqer_references(w);
  o.shipment_writes = w.lightspeed().journal().writes("PUT /shipments/*");
  o.picqer_writes = w.picqer().journal().writes();
  o.requests = w.lightspeed().journal().size() + w.picqer().journal().size();
  for (const auto* faults : {&w.lightspeed().faults(), &w.picqer().faults()}) {
    auto it = faults->injected().find(fakes::FaultKind::webhook_duplicate);
    if (it != faults->injected().end()) o.webhooks_repeated += it->second;
  }
  return o;
}

TEST(ReplayedDeliveries, EachWebhookTwiceChangesNothing) {
  Outcome once = run(false);
  Outcome twice = run(true);
  EXPECT_GT(twice.webhooks_repeated, 0u) << "no delivery was repeated: the test proves nothing";
  ASSERT_EQ(once.references.size(), 6u);
  EXPECT_EQ(twice.references, once.references) << "an order imported twice or lost";
  EXPECT_EQ(twice.shipment_writes, once.shipment_writes);
  EXPECT_EQ(twice.picqer_writes, once.picqer_writes);
  // A repeated delivery may cost a read or two, never a loop.
  EXPECT_LE(twice.requests, once.requests + 2 * twice.webhooks_repeated);
}

}  // namespace
}  // namespace lpsync::testing
