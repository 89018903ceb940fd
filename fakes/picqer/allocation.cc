// Allocation: a concept/expected order holds its stock (reservedallocations) without a picklist,
// as Picqer does for an order seen in the shop but not yet paid. Processing or cancelling the
// order releases it.
#include <cassert>

#include "fakes/picqer/account.h"
#include "fakes/picqer/render.h"

namespace lpsync::fakes::picqer {

Status Account::allocate_order(int64_t idorder) {
  auto it = orders_.find(idorder);
  if (it == orders_.end()) return not_found("Order " + std::to_string(idorder));
  Order& o = it->second;
  if (o.status != "concept" && o.status != "expected") {
    return bad_request(kWrongStatus, "Order " + std::to_string(idorder) + " has status " + o.status +
                                         ": only concept or expected orders can be allocated");
  }
  if (!o.allocations.empty()) return ok_status();  // already allocated: nothing changes
  const Warehouse* w = order_warehouse();
  if (!w) return bad_request(kUnknownError, "No active warehouse accepts orders");
  for (const auto& line : o.lines) {
    level(line.idproduct, w->idwarehouse).reservedallocations += line.amount;
    o.allocations.push_back(Backorder{line.idproduct, w->idwarehouse, line.amount});
  }
  o.updated = clock_.now();
  emit_order_event("orders.allocated", o);
  return ok_status();
}

void Account::release_allocations(Order& o) {
  for (const auto& a : o.allocations) {
    StockLevel& lvl = level(a.idproduct, a.idwarehouse);
    lvl.reservedallocations -= a.amount;
    assert(lvl.reservedallocations >= 0);
  }
  o.allocations.clear();
}

}  // namespace lpsync::fakes::picqer
