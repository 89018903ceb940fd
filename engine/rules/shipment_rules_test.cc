#include "engine/rules/shipment_rules.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace lpsync {
namespace {

using Kind = ShipmentDecision::Kind;

Instant t0() { return *parse_iso8601("2026-11-02T10:00:00Z"); }

ShipmentFacts ours() { return {7, 7, t0(), false, false}; }

TEST(OrderIsPickup, FlagOrPickupStatus) {
  ls::Order o;
  o.status = "processing_awaiting_shipment";
  EXPECT_FALSE(order_is_pickup(o));
  o.shipment_is_pickup = true;
  EXPECT_TRUE(order_is_pickup(o));
  o.shipment_is_pickup = false;
  for (const char* s : {"processing_awaiting_pickup", "processing_ready_for_pickup", "completed_picked_up"}) {
    o.status = s;
    EXPECT_TRUE(order_is_pickup(o)) << s;
  }
}

TEST(ShipmentDecision, WaitsForTheDelayThenNotifies) {
  Duration delay = Duration::seconds(300);
  EXPECT_EQ(shipment_decision(ours(), t0(), delay), (ShipmentDecision{Kind::wait, t0() + delay}));
  EXPECT_EQ(shipment_decision(ours(), t0() + Duration::seconds(299), delay).kind, Kind::wait);
  ShipmentDecision due = shipment_decision(ours(), t0() + delay, delay);
  EXPECT_EQ(due.kind, Kind::notify);
  EXPECT_EQ(due.notice, ShopNotice::shipped_with_tracking);
  EXPECT_EQ(shipment_decision(ours(), t0(), Duration::seconds(0)).kind, Kind::notify);
}

TEST(ShipmentDecision, CancelledOrForeignShipmentsAreNeverTold) {
  ShipmentFacts cancelled = ours();
  cancelled.cancelled = true;
  EXPECT_EQ(shipment_decision(cancelled, t0() + Duration::hours(1), Duration::seconds(300)).kind, Kind::skip_cancelled);
  ShipmentFacts foreign = ours();
  foreign.read_idorder = 8;
  EXPECT_EQ(shipment_decision(foreign, t0() + Duration::hours(1), Duration::seconds(300)).kind, Kind::skip_not_ours);
}

TEST(ShipmentDecision, PickupIsReadyForPickup) {
  ShipmentFacts pickup = ours();
  pickup.pickup = true;
  EXPECT_EQ(shipment_decision(pickup, t0() + Duration::hours(1), Duration::seconds(300)).notice,
            ShopNotice::ready_for_pickup);
}

// For all facts and times: the shop is told only about a shipment of its own order, not
// cancelled, at least `delay` after it was made, and a pickup order never as shipped.
RC_GTEST_PROP(ShipmentDecisionProperty, NeverEarlyCancelledForeignOrShippedForPickup, ()) {
  ShipmentFacts f;
  f.linked_idorder = *rc::gen::inRange<int64_t>(1, 4);
  f.read_idorder = *rc::gen::inRange<int64_t>(1, 4);
  f.created = t0() + Duration::seconds(*rc::gen::inRange<int64_t>(0, 7200));
  f.cancelled = *rc::gen::arbitrary<bool>();
  f.pickup = *rc::gen::arbitrary<bool>();
  Duration delay = Duration::seconds(*rc::gen::inRange<int64_t>(0, 3601));
  Instant now = t0() + Duration::seconds(*rc::gen::inRange<int64_t>(0, 10800));
  ShipmentDecision d = shipment_decision(f, now, delay);
  if (d.kind == Kind::notify) {
    RC_ASSERT(f.read_idorder == f.linked_idorder);
    RC_ASSERT(!f.cancelled);
    RC_ASSERT(now >= f.created + delay);
    RC_ASSERT((d.notice == ShopNotice::ready_for_pickup) == f.pickup);
  }
  if (d.kind == Kind::wait) RC_ASSERT(d.not_before > now);
}

}  // namespace
}  // namespace lpsync
