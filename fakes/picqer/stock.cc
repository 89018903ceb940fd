// Stock per warehouse: counts, deliveries and mutations, and turning backorders into
// picklists when stock arrives.
#include <algorithm>

#include "fakes/picqer/account.h"

namespace lpsync::fakes::picqer {

Result<StockLevel> Account::change_stock(int64_t idproduct, int64_t idwarehouse, const StockChange& change) {
  if (!products_.count(idproduct)) return not_found("Product " + std::to_string(idproduct));
  if (!warehouses_.count(idwarehouse)) return not_found("Warehouse " + std::to_string(idwarehouse));
  if (change.amount.has_value() == change.change.has_value()) {
    return bad_request(kMissingParameters, "Give either amount (the new stock) or change (to add or remove stock)");
  }
  StockLevel current = products_.at(idproduct).stock_in(idwarehouse);
  int64_t target = change.amount ? *change.amount : current.stock + *change.change;
  if (target < 0) {
    return bad_request(kUnknownError, "Stock cannot be negative (would become " + std::to_string(target) + ")");
  }
  if (target < current.reservedpicklists) {
    return bad_request(kUnknownError, "Stock cannot be lower than is reserved for picklists (" +
                                          std::to_string(current.reservedpicklists) + ")");
  }
  level(idproduct, idwarehouse).stock = target;
  if (target > current.stock) process_backorders();
  return products_.at(idproduct).stock_in(idwarehouse);
}

// Orders first come first served (by idorder): whatever stock is not on a picklist covers
// backorders, which become one new picklist per order and warehouse. Free stock does not
// change: the reservation only moves from backorders to picklists.
void Account::process_backorders() {
  if (!config_.auto_process_backorders) return;
  for (auto next = backordered_.begin(); next != backordered_.end();) {
    int64_t idorder = *next++;
    Order& o = orders_.at(idorder);
    std::map<int64_t, std::vector<PicklistLine>> by_warehouse;
    for (auto& b : o.backorders) {
      StockLevel& lvl = level(b.idproduct, b.idwarehouse);
      int64_t move = std::min(b.amount, lvl.stock - lvl.reservedpicklists);
      if (move <= 0) continue;
      lvl.reservedpicklists += move;
      lvl.reservedbackorders -= move;
      b.amount -= move;
      const Product& p = products_.at(b.idproduct);
      by_warehouse[b.idwarehouse].push_back(PicklistLine{0, p.idproduct, p.productcode, p.name, move, 0});
    }
    std::erase_if(o.backorders, [](const Backorder& b) { return b.amount == 0; });
    if (o.backorders.empty()) backordered_.erase(idorder);
    for (auto& [idwarehouse, lines] : by_warehouse) create_picklist(o, idwarehouse, std::move(lines));
  }
}

}  // namespace lpsync::fakes::picqer
