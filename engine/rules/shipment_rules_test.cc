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


pq::Shipment shipment(int64_t id, bool cancelled = false) {
  pq::Shipment s;
  s.id = id;
  s.idorder = 7;
  s.trackingcode = "TT" + std::to_string(id);
  s.cancelled = cancelled;
  return s;
}

TEST(ShipmentOfOrder, ByItsOrderElseByThePicklistItWasReadFrom) {
  pq::Shipment s = shipment(1);
  s.idpicklist = 30;
  EXPECT_TRUE(shipment_of_order(s, 7, 99));
  EXPECT_FALSE(shipment_of_order(s, 8, 30));  // another order's, even on this picklist
  s.idorder = 0;
  EXPECT_TRUE(shipment_of_order(s, 8, 30));
  EXPECT_FALSE(shipment_of_order(s, 8, 31));
}

TEST(ShipmentActions, TheLowestLiveShipmentIsPushedTheOthersReported) {
  using AK = ShipmentAction::Kind;
  auto got = shipment_actions({shipment(5), shipment(3, true), shipment(9), shipment(4)}, {}, false);
  std::vector<ShipmentAction> want{{AK::push, shipment(4)}, {AK::report, shipment(5)}, {AK::report, shipment(9)}};
  EXPECT_EQ(got, want);
}

TEST(ShipmentActions, RecordedOnesAndDuplicatesAreLeftOutAndAPushedFirstMeansReportOnly) {
  using AK = ShipmentAction::Kind;
  EXPECT_EQ(shipment_actions({shipment(4), shipment(5), shipment(5)}, {4}, true),
            (std::vector<ShipmentAction>{{AK::report, shipment(5)}}));
  EXPECT_EQ(shipment_actions({shipment(4), shipment(5)}, {4}, false),
            (std::vector<ShipmentAction>{{AK::push, shipment(5)}}));
  EXPECT_TRUE(shipment_actions({}, {}, false).empty());
}

// For all lists: at most one push, only when the first is not in the shop yet, and it is the
// lowest live unrecorded shipment; every action is for a live unrecorded shipment, once, in
// idshipment order; and every live unrecorded shipment gets an action.
RC_GTEST_PROP(ShipmentActionsProperty, OnePushAtMostLowestFirstNothingLostOrRepeated, ()) {
  auto ids = *rc::gen::container<std::vector<int64_t>>(rc::gen::inRange<int64_t>(1, 12));
  // A shipment read twice (from two picklists) reads the same both times.
  std::set<int64_t> cancelled, recorded, live;
  for (int64_t id : ids) {
    if (*rc::gen::inRange(0, 4) == 0) cancelled.insert(id);
    if (*rc::gen::inRange(0, 4) == 0) recorded.insert(id);
  }
  std::vector<pq::Shipment> read;
  for (int64_t id : ids) read.push_back(shipment(id, cancelled.count(id) > 0));
  for (const auto& s : read) {
    if (!s.cancelled && !recorded.count(s.id)) live.insert(s.id);
  }
  bool first_pushed = *rc::gen::arbitrary<bool>();
  auto actions = shipment_actions(read, recorded, first_pushed);
  std::set<int64_t> acted;
  for (size_t i = 0; i < actions.size(); ++i) {
    RC_ASSERT(live.count(actions[i].shipment.id) == 1u);
    if (i > 0) RC_ASSERT(actions[i - 1].shipment.id < actions[i].shipment.id);
    RC_ASSERT((actions[i].kind == ShipmentAction::Kind::push) == (i == 0 && !first_pushed));
    acted.insert(actions[i].shipment.id);
  }
  RC_ASSERT(acted == live);
}

}  // namespace
}  // namespace lpsync
