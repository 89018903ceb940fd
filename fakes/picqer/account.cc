// Warehouses, events and the free-stock bookkeeping of Account.
#include "fakes/picqer/account.h"

#include "fakes/picqer/render.h"

namespace lpsync::fakes::picqer {

Result<int64_t> Account::add_warehouse(Warehouse w) {
  if (w.idwarehouse == 0) w.idwarehouse = next_id(warehouses_);
  if (warehouses_.count(w.idwarehouse)) {
    return bad_request(kResourceFound, "warehouse " + std::to_string(w.idwarehouse) + " already exists");
  }
  int64_t id = w.idwarehouse;
  warehouses_.emplace(id, std::move(w));
  return id;
}

void Account::ensure_default_warehouse() {
  if (warehouses_.empty()) warehouses_.emplace(1, Warehouse{1, "Main", true, true, true, 1});
}

const Warehouse* Account::order_warehouse() const {
  const Warehouse* best = nullptr;
  for (const auto& [id, w] : warehouses_) {
    if (!w.active || !w.accept_orders) continue;
    if (!best || w.priority < best->priority) best = &w;
  }
  return best;
}

StockLevel& Account::level(int64_t idproduct, int64_t idwarehouse) {
  touch(idproduct);
  return products_.at(idproduct).stock[idwarehouse];
}

void Account::emit(std::string name, boost::json::object data) {
  events_.push_back(Event{std::move(name), std::move(data), clock_.now()});
}

void Account::emit_order_event(const std::string& name, const Order& o) { emit(name, render_order(o)); }

void Account::set_order_status(Order& o, const std::string& status) {
  if (o.status == status) return;
  o.status = status;
  o.updated = clock_.now();
  emit_order_event("orders.status_changed", o);
  if (status == "completed") emit_order_event("orders.completed", o);
}

void Account::emit_stock_events(const Product& p) {
  std::map<int64_t, int64_t> free, stock;
  for (const auto& [idwarehouse, lvl] : p.stock) {
    if (lvl.freestock() != 0) free[idwarehouse] = lvl.freestock();
    if (lvl.stock != 0) stock[idwarehouse] = lvl.stock;
  }
  bool stock_changed = stock != announced_stock_[p.idproduct];
  bool free_changed = free != announced_free_[p.idproduct];
  if (!stock_changed && !free_changed) return;
  auto data = render_product(p, warehouses_);
  if (stock_changed) emit("products.stock_changed", data);
  if (free_changed) emit("products.free_stock_changed", std::move(data));
  announced_stock_[p.idproduct] = std::move(stock);
  announced_free_[p.idproduct] = std::move(free);
}

std::vector<Event> Account::take_events() {
  for (int64_t id : touched_) {
    auto it = products_.find(id);
    if (it != products_.end()) emit_stock_events(it->second);
  }
  touched_.clear();
  std::vector<Event> out;
  out.swap(events_);
  return out;
}

}  // namespace lpsync::fakes::picqer
