// Section 5 of sync-rules.md as pure functions: whether a Picqer shipment may be told to the shop
// now, later or never, and how (shipped with a tracking code, or ready for pickup).
#pragma once

#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

#include "engine/env/time.h"
#include "engine/model/lightspeed.h"
#include "engine/model/picqer.h"

namespace lpsync {

// A pickup order is never told "shipped" with a tracking code: `shipmentIsPickup`, or a
// pickup status (processing_awaiting_pickup, processing_ready_for_pickup, completed_picked_up).
bool order_is_pickup(const ls::Order& order);

// How the shop is told.
enum class ShopNotice { shipped_with_tracking, ready_for_pickup };
std::string_view to_string(ShopNotice n);

// What the engine read of one Picqer shipment and of the order it is linked to.
struct ShipmentFacts {
  int64_t linked_idorder = 0;  // the Picqer order the shop order is linked to
  int64_t read_idorder = 0;    // the idorder read on the shipment or its picklist
  Instant created;             // when Picqer made the shipment
  bool cancelled = false;      // as read last
  bool pickup = false;         // order_is_pickup of the shop order
};

struct ShipmentDecision {
  enum class Kind {
    wait,            // too early: read it again at `not_before`
    notify,          // tell the shop now, as `notice`
    skip_cancelled,  // cancelled in Picqer: never told
    skip_not_ours,   // belongs to another order (a list filter was not applied)
  };
  Kind kind = Kind::wait;
  Instant not_before;
  ShopNotice notice = ShopNotice::shipped_with_tracking;
  bool operator==(const ShipmentDecision&) const = default;
};
std::string_view to_string(ShipmentDecision::Kind k);

// `delay` is the setting shipment_delay: the shop hears of a shipment no sooner than `delay`
// after it was made, and only if it is still not cancelled when read again then.
ShipmentDecision shipment_decision(const ShipmentFacts& facts, Instant now, Duration delay);

// A shipment read from picklist `idpicklist` of Picqer order `idorder` belongs to that order:
// by its own idorder, or (when it has none) by the picklist it was read from.
bool shipment_of_order(const pq::Shipment& shipment, int64_t idorder, int64_t idpicklist);

// What to do with one shipment of an order: push it to the shop's shipment (the first
// one), or only record and report it (every later one: the shop shows one tracking code).
struct ShipmentAction {
  enum class Kind { push, report };
  Kind kind = Kind::push;
  pq::Shipment shipment;
  bool operator==(const ShipmentAction&) const = default;
};

// Section 5: the order's shipments (already filtered by shipment_of_order) that still need
// an action, lowest idshipment first: cancelled ones and those in `recorded` (pushed or
// reported before) are left out, each shipment once; the first gets `push` unless the
// order's first shipment is in the shop already (`first_pushed`), the rest `report`.
std::vector<ShipmentAction> shipment_actions(std::vector<pq::Shipment> shipments, const std::set<int64_t>& recorded,
                                             bool first_pushed);

}  // namespace lpsync
