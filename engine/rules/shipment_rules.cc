#include "engine/rules/shipment_rules.h"

namespace lpsync {

bool order_is_pickup(const ls::Order& o) {
  if (o.shipment_is_pickup) return true;
  return o.status.find("pickup") != std::string::npos || o.status.find("picked_up") != std::string::npos;
}

std::string_view to_string(ShopNotice n) {
  return n == ShopNotice::ready_for_pickup ? "ready_for_pickup" : "shipped_with_tracking";
}

std::string_view to_string(ShipmentDecision::Kind k) {
  switch (k) {
    case ShipmentDecision::Kind::wait: return "wait";
    case ShipmentDecision::Kind::notify: return "notify";
    case ShipmentDecision::Kind::skip_cancelled: return "skip_cancelled";
    case ShipmentDecision::Kind::skip_not_ours: return "skip_not_ours";
  }
  return "unknown";
}

ShipmentDecision shipment_decision(const ShipmentFacts& f, Instant now, Duration delay) {
  using Kind = ShipmentDecision::Kind;
  if (f.read_idorder != f.linked_idorder) return {Kind::skip_not_ours, now};
  if (f.cancelled) return {Kind::skip_cancelled, now};
  Instant due = f.created + delay;
  if (now < due) return {Kind::wait, due};
  return {Kind::notify, now, f.pickup ? ShopNotice::ready_for_pickup : ShopNotice::shipped_with_tracking};
}

}  // namespace lpsync
