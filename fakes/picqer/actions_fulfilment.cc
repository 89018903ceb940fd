// Simulator actions of the warehouse beyond shipping: picking without a shipment and cancelling
// a shipment (scenario actions picqer.order.pick and picqer.shipment.cancel).
#include "fakes/picqer/picqer_fake.h"

namespace lpsync::fakes::picqer {

Status PicqerFake::pick_order(const std::string& reference) {
  std::lock_guard lock(mu_);
  OrderFilter filter;
  filter.reference = reference;
  auto found = account_.find_orders(filter);
  if (found.empty()) return not_found("Order with reference \"" + reference + "\"");
  int64_t idorder = first_with_open_picklist(account_, found);
  auto picked = account_.pick_order(idorder);
  publish();
  return picked;
}

Result<int64_t> PicqerFake::cancel_shipment(const std::string& reference) {
  std::lock_guard lock(mu_);
  OrderFilter filter;
  filter.reference = reference;
  auto found = account_.find_orders(filter);
  if (found.empty()) return not_found("Order with reference \"" + reference + "\"");
  const Shipment* latest = nullptr;
  for (const auto& [id, s] : account_.shipments()) {
    for (const Order* o : found) {
      if (s.idorder == o->idorder && !s.cancelled) latest = &s;
    }
  }
  if (!latest) return bad_request(kWrongStatus, "Order with reference \"" + reference + "\" has no shipment to cancel");
  auto cancelled = account_.cancel_shipment(latest->idorder);
  publish();
  return cancelled;
}

}  // namespace lpsync::fakes::picqer
