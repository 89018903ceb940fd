// Orders: create (concept), process (reserve stock, picklist or backorder), cancel.
#include <algorithm>

#include "engine/env/time.h"
#include "fakes/picqer/account.h"
#include "fakes/picqer/render.h"

namespace lpsync::fakes::picqer {
namespace {

bool is_country_code(const std::string& s) {
  return s.size() == 2 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// "O2026-00012": per-account number with the year of creation.
std::string numbered(char prefix, Instant now, int64_t id) {
  std::string n = std::to_string(id);
  if (n.size() < 5) n.insert(0, 5 - n.size(), '0');
  return std::string(1, prefix) + format_sql_datetime(now).substr(0, 4) + "-" + n;
}

std::string text_of(const Order& o, const char* field) {
  auto it = o.text.find(field);
  return it == o.text.end() ? "" : it->second;
}

}  // namespace

bool known_order_status(std::string_view status) {
  static const char* kStatuses[] = {"concept", "expected", "processing", "paused", "completed", "cancelled"};
  return std::any_of(std::begin(kStatuses), std::end(kStatuses), [&](const char* s) { return status == s; });
}

Result<int64_t> Account::create_order(const OrderInput& in, int64_t idorder) {
  if (in.idcustomer) {
    return bad_request(kUnknownCustomer, "Customer " + std::to_string(*in.idcustomer) +
                                             " does not exist (this account has no customers: create guest orders)");
  }
  Order o;
  o.reference = in.reference;
  o.via_api = in.via_api;
  o.text = in.text;
  o.idshippingprovider_profile = in.idshippingprovider_profile;
  for (const char* field : {"deliveryname", "deliverycountry", "invoicename"}) {
    if (text_of(o, field).empty()) {
      return bad_request(kMissingParameters, std::string("Missing parameter: ") + field +
                                                 " (required for a guest order, without idcustomer)");
    }
  }
  if (text_of(o, "invoicecountry").empty()) o.text["invoicecountry"] = o.text["deliverycountry"];
  for (const char* field : {"deliverycountry", "invoicecountry"}) {
    if (!is_country_code(o.text[field])) {
      return bad_request(kInvalidCountry, std::string("Invalid country code in ") + field + ": \"" + o.text[field] +
                                              "\" (ISO 3166 alpha-2, e.g. NL)");
    }
  }
  if (in.lines.empty()) return bad_request(kOrderMissingProducts, "Order is missing products");
  for (size_t i = 0; i < in.lines.size(); ++i) {
    const OrderLineInput& l = in.lines[i];
    std::string where = "products[" + std::to_string(i) + "]";
    if ((!l.idproduct && !l.productcode) || !l.amount) {
      return bad_request(kOrderLineIncomplete, "Idproduct (or productcode) or amount missing from " + where);
    }
    if (*l.amount <= 0) return bad_request(kOrderLineIncomplete, "amount of " + where + " must be at least 1");
    const Product* p = l.idproduct ? product(*l.idproduct) : product_by_code(*l.productcode);
    if (!p) {
      std::string which = l.idproduct ? "idproduct " + std::to_string(*l.idproduct) : "productcode \"" + *l.productcode + "\"";
      return bad_request(kUnknownProduct, "Product you are trying to order does not exist: " + which + " (" + where + ")");
    }
    o.lines.push_back(OrderLine{next_order_line_++, p->idproduct, p->idvatgroup, p->productcode, p->name, l.remarks,
                                l.price.value_or(p->price), *l.amount});
  }
  if (idorder == 0) idorder = next_id(orders_);
  if (orders_.count(idorder)) return bad_request(kResourceFound, "order " + std::to_string(idorder) + " already exists");
  o.idorder = idorder;
  o.orderid = numbered('O', clock_.now(), idorder);
  o.created = o.updated = clock_.now();
  const Order& stored = orders_.emplace(idorder, std::move(o)).first->second;
  by_reference_[stored.reference].push_back(idorder);
  emit_order_event("orders.created", stored);
  return idorder;
}

int64_t Account::create_picklist(Order& o, int64_t idwarehouse, std::vector<PicklistLine> lines) {
  Picklist pl;
  pl.idpicklist = next_id(picklists_);
  pl.picklistid = numbered('P', clock_.now(), pl.idpicklist);
  pl.idorder = o.idorder;
  pl.idwarehouse = idwarehouse;
  pl.created = pl.updated = clock_.now();
  for (auto& l : lines) l.idpicklist_product = next_picklist_line_++;
  pl.lines = std::move(lines);
  const Picklist& stored = picklists_.emplace(pl.idpicklist, std::move(pl)).first->second;
  emit("picklists.created", render_picklist(stored, o));
  return stored.idpicklist;
}

Status Account::process_order(int64_t idorder) {
  auto it = orders_.find(idorder);
  if (it == orders_.end()) return not_found("Order " + std::to_string(idorder));
  Order& o = it->second;
  if (o.status != "concept" && o.status != "expected") {
    return bad_request(kWrongStatus, "Order " + std::to_string(idorder) + " has status " + o.status +
                                         ": only concept or expected orders can be processed");
  }
  const Warehouse* w = order_warehouse();
  if (!w) return bad_request(kUnknownError, "No active warehouse accepts orders");
  release_allocations(o);
  std::vector<PicklistLine> picks;
  for (const auto& line : o.lines) {
    StockLevel& lvl = level(line.idproduct, w->idwarehouse);
    int64_t pick = std::clamp<int64_t>(lvl.freestock(), 0, line.amount);
    lvl.reservedpicklists += pick;
    lvl.reservedbackorders += line.amount - pick;
    if (pick > 0) picks.push_back(PicklistLine{0, line.idproduct, line.productcode, line.name, pick, 0});
    if (line.amount > pick) o.backorders.push_back(Backorder{line.idproduct, w->idwarehouse, line.amount - pick});
  }
  if (!o.backorders.empty()) backordered_.insert(idorder);
  if (!picks.empty()) create_picklist(o, w->idwarehouse, std::move(picks));
  set_order_status(o, "processing");
  emit_order_event("orders.closed", o);
  return ok_status();
}

Status Account::cancel_order(int64_t idorder, bool force) {
  auto it = orders_.find(idorder);
  if (it == orders_.end()) return not_found("Order " + std::to_string(idorder));
  Order& o = it->second;
  bool cancellable = o.status == "concept" || o.status == "expected" || (force && o.status != "cancelled");
  if (!cancellable) {
    return bad_request(kWrongStatus, "Order " + std::to_string(idorder) + " has status " + o.status +
                                         (force ? ": it is already cancelled" : ": only concept or expected orders can be cancelled (or use force=true)"));
  }
  for (auto& [id, pl] : picklists_) {
    if (pl.idorder != idorder || pl.status != "new") continue;
    for (const auto& l : pl.lines) level(l.idproduct, pl.idwarehouse).reservedpicklists -= l.amount - l.amountpicked;
    pl.status = "cancelled";
    pl.updated = clock_.now();
  }
  for (const auto& b : o.backorders) level(b.idproduct, b.idwarehouse).reservedbackorders -= b.amount;
  o.backorders.clear();
  release_allocations(o);
  backordered_.erase(idorder);
  set_order_status(o, "cancelled");
  process_backorders();  // released picklist stock may cover other orders' backorders
  return ok_status();
}

Status Account::put_order_status(int64_t idorder, const std::string& status) {
  auto it = orders_.find(idorder);
  if (it == orders_.end()) return not_found("Order " + std::to_string(idorder));
  if (!known_order_status(status)) return bad_request(kMissingParameters, "Unknown order status \"" + status + "\"");
  if (status == "processing") return process_order(idorder);
  set_order_status(it->second, status);
  return ok_status();
}

std::vector<const Order*> Account::find_orders(const OrderFilter& f) const {
  std::vector<const Order*> out;
  auto keep = [&](int64_t id, const Order& o) {
    if (f.status && o.status != *f.status) return false;
    if (f.orderid && o.orderid != *f.orderid) return false;
    if (f.sinceid && id <= *f.sinceid) return false;
    return !(f.beforeid && id >= *f.beforeid);
  };
  if (f.reference) {  // ids were appended in creation order, which is ascending
    auto it = by_reference_.find(*f.reference);
    if (it == by_reference_.end()) return out;
    for (int64_t id : it->second) {
      const Order& o = orders_.at(id);
      if (keep(id, o)) out.push_back(&o);
    }
    return out;
  }
  for (auto it = f.sinceid ? orders_.upper_bound(*f.sinceid) : orders_.begin(); it != orders_.end(); ++it) {
    if (keep(it->first, it->second)) out.push_back(&it->second);
  }
  return out;
}

const Order* Account::order(int64_t idorder) const {
  auto it = orders_.find(idorder);
  return it == orders_.end() ? nullptr : &it->second;
}

}  // namespace lpsync::fakes::picqer
