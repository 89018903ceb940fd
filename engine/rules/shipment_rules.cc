#include "engine/rules/shipment_rules.h"

#include <algorithm>

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

bool shipment_of_order(const pq::Shipment& sh, int64_t idorder, int64_t idpicklist) {
  return sh.idorder ? sh.idorder == idorder : sh.idpicklist == idpicklist;
}

std::vector<ShipmentAction> shipment_actions(std::vector<pq::Shipment> shipments, const std::set<int64_t>& recorded,
                                             bool first_pushed) {
  std::sort(shipments.begin(), shipments.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  std::vector<ShipmentAction> out;
  for (size_t i = 0; i < shipments.size(); ++i) {
    const pq::Shipment& sh = shipments[i];
    if (sh.cancelled || recorded.count(sh.id) || (i > 0 && shipments[i - 1].id == sh.id)) continue;
    out.push_back({first_pushed ? ShipmentAction::Kind::report : ShipmentAction::Kind::push, sh});
    first_pushed = true;
  }
  return out;
}

}  // namespace lpsync
