#include "tools/scenario/writer_parts.h"

namespace lpsync::scenario {
namespace {

bj::object warehouse_value(const PicqerWarehouse& w) {
  const PicqerWarehouse d;
  bj::object o;
  o["idwarehouse"] = w.idwarehouse;
  o["name"] = w.name;
  if (w.active != d.active) o["active"] = w.active;
  if (w.counts_for_general_stock != d.counts_for_general_stock) o["counts_for_general_stock"] = w.counts_for_general_stock;
  if (w.accept_orders != d.accept_orders) o["accept_orders"] = w.accept_orders;
  return o;
}

bj::object order_value(const PicqerOrder& order) {
  bj::object o;
  o["idorder"] = order.idorder;
  o["reference"] = order.reference;
  o["status"] = order.status;
  o["products"] = picqer_lines_value(order.products);
  return o;
}

}  // namespace

bj::object stock_value(const StockMap& stock) {
  bj::object o;
  for (const auto& [idwarehouse, amount] : stock) o[std::to_string(idwarehouse)] = amount;
  return o;
}

bj::array picqer_lines_value(const std::vector<PicqerOrderLine>& lines) {
  bj::array out;
  for (const PicqerOrderLine& line : lines) {
    bj::object o;
    o["productcode"] = line.productcode;
    o["amount"] = line.amount;
    if (line.price) o["price"] = *line.price;
    out.push_back(std::move(o));
  }
  return out;
}

bj::object picqer_product_value(const PicqerProduct& p) {
  bj::object o;
  if (p.idproduct) o["idproduct"] = *p.idproduct;
  o["productcode"] = p.productcode;
  if (p.name != p.productcode) o["name"] = p.name;
  if (p.price != 0) o["price"] = p.price;
  if (!p.barcode.empty()) o["barcode"] = p.barcode;
  if (!p.active) o["active"] = false;
  if (p.unlimited_stock) o["unlimited_stock"] = true;
  if (!p.stock.empty()) o["stock"] = stock_value(p.stock);
  return o;
}

bj::object picqer_state_value(const PicqerState& s) {
  bj::object o;
  if (s.warehouses != default_warehouses()) {
    bj::array warehouses;
    for (const auto& w : s.warehouses) warehouses.push_back(warehouse_value(w));
    o["warehouses"] = std::move(warehouses);
  }
  if (!s.products.empty()) {
    bj::array products;
    for (const auto& p : s.products) products.push_back(picqer_product_value(p));
    o["products"] = std::move(products);
  }
  if (!s.orders.empty()) {
    bj::array orders;
    for (const auto& order : s.orders) orders.push_back(order_value(order));
    o["orders"] = std::move(orders);
  }
  if (!s.vatgroups.empty()) {
    bj::array groups;
    for (const auto& g : s.vatgroups) {
      groups.push_back(bj::object{{"idvatgroup", g.idvatgroup}, {"name", g.name}, {"percentage", g.percentage}});
    }
    o["vatgroups"] = std::move(groups);
  }
  return o;
}

}  // namespace lpsync::scenario
