// Simulator actions of the warehouse beyond shipping: picking without a shipment and cancelling
// a shipment (scenario actions picqer.order.pick and picqer.shipment.cancel).
#include "fakes/picqer/picqer_fake.h"

namespace lpsync::fakes::picqer {

Result<std::vector<const Order*>> PicqerFake::orders_with_reference(const std::string& reference) const {
  OrderFilter filter;
  filter.reference = reference;
  auto found = account_.find_orders(filter);
  if (found.empty()) return not_found("Order with reference \"" + reference + "\"");
  return found;
}

Status PicqerFake::pick_order(const std::string& reference) {
  std::lock_guard lock(mu_);
  auto found = orders_with_reference(reference);
  if (!found.ok()) return found.error();
  auto picked = account_.pick_order(first_with_open_picklist(account_, found.value()));
  publish();
  return picked;
}

Result<int64_t> PicqerFake::cancel_shipment(const std::string& reference) {
  std::lock_guard lock(mu_);
  auto found = orders_with_reference(reference);
  if (!found.ok()) return found.error();
  const Shipment* latest = nullptr;
  for (const auto& [id, s] : account_.shipments()) {
    for (const Order* o : found.value()) {
      if (s.idorder == o->idorder && !s.cancelled) latest = &s;
    }
  }
  if (!latest) return bad_request(kWrongStatus, "Order with reference \"" + reference + "\" has no shipment to cancel");
  auto cancelled = account_.cancel_shipment(latest->idorder);
  publish();
  return cancelled;
}

}  // namespace lpsync::fakes::picqer
