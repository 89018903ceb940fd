// Hooks: one event per hook; deleting deactivates (or removes, as configured).
#include <algorithm>

#include "fakes/picqer/account.h"

namespace lpsync::fakes::picqer {
namespace {

// The event names of the reference (§7.2). Others are refused.
constexpr const char* kEvents[] = {
    "comments.created", "movements.moved", "orders.created", "orders.allocated", "orders.closed",
    "orders.paused", "orders.resumed", "orders.status_changed", "orders.completed", "orders.notes.created",
    "picklists.created", "picklists.changed", "picklists.paused", "picklists.resumed", "picklists.closed",
    "picklists.cancelled", "picklists.shipments.created", "picklists.shipments.cancelled", "picklists.snoozed",
    "picklists.unsnoozed", "picklist_batches.created", "picklist_batches.changed", "picklist_batches.completed",
    "products.created", "products.changed", "products.free_stock_changed", "products.stock_changed",
    "products.assembled_stock_changed", "products.stock_on_location_changed", "products.parts.changed",
    "purchase_orders.created", "purchase_orders.changed", "purchase_orders.purchased",
    "purchase_orders.receipts.created", "receipts.created", "receipts.completed", "receipts.product_received",
    "receipts.product_reverted", "returns.created", "returns.changed", "returns.status_changed",
    "returns.products_received", "location_stock_counts.completed", "tasks.created", "tasks.changed",
    "tasks.deleted", "tasks.completed", "tasks.uncompleted", "webshop_orders.imported",
};

}  // namespace

Result<int64_t> Account::create_hook(Hook hook) {
  for (auto [value, name] : {std::pair{&hook.name, "name"}, std::pair{&hook.event, "event"},
                             std::pair{&hook.address, "address"}}) {
    if (value->empty()) return bad_request(kMissingParameters, std::string("Missing parameter: ") + name);
  }
  if (std::none_of(std::begin(kEvents), std::end(kEvents), [&](const char* e) { return hook.event == e; })) {
    return bad_request(kMissingParameters, "Unknown event \"" + hook.event + "\" (one event per hook, e.g. "
                                           "products.free_stock_changed)");
  }
  if (hook.address.rfind("http://", 0) != 0 && hook.address.rfind("https://", 0) != 0) {
    return bad_request(kMissingParameters, "address must be an http:// or https:// URL");
  }
  hook.idhook = next_hook_++;  // never reused, even after a removal
  hook.active = true;
  hook.complete_failures.clear();
  int64_t id = hook.idhook;
  hooks_.emplace(id, std::move(hook));
  return id;
}

Status Account::delete_hook(int64_t idhook) {
  auto it = hooks_.find(idhook);
  if (it == hooks_.end()) return not_found("Hook " + std::to_string(idhook));
  if (config_.delete_deactivates_hook) {
    it->second.active = false;
  } else {
    hooks_.erase(it);
  }
  return ok_status();
}

Status Account::reactivate_hook(int64_t idhook) {
  Hook* h = mutable_hook(idhook);
  if (!h) return not_found("Hook " + std::to_string(idhook));
  h->active = true;
  h->complete_failures.clear();
  return ok_status();
}

Hook* Account::mutable_hook(int64_t idhook) {
  auto it = hooks_.find(idhook);
  return it == hooks_.end() ? nullptr : &it->second;
}

}  // namespace lpsync::fakes::picqer
