#include "tools/scenario/picqer_parser.h"

#include <charconv>

namespace lpsync::scenario {
namespace {

constexpr int64_t kMaxAmount = 1'000'000'000;

PicqerWarehouse read_warehouse(const Reader& r) {
  check_keys(r, {"idwarehouse", "name", "active", "counts_for_general_stock", "accept_orders"});
  PicqerWarehouse w;
  w.idwarehouse = read_id(required(r, "idwarehouse"));
  if (auto v = r.find("name")) w.name = v->as_string();
  if (auto v = r.find("active")) w.active = v->as_bool();
  if (auto v = r.find("counts_for_general_stock")) w.counts_for_general_stock = v->as_bool();
  if (auto v = r.find("accept_orders")) w.accept_orders = v->as_bool();
  return w;
}

PicqerVatGroup read_vatgroup(const Reader& r) {
  check_keys(r, {"idvatgroup", "name", "percentage"});
  PicqerVatGroup g;
  g.idvatgroup = read_id(required(r, "idvatgroup"));
  if (auto v = r.find("name")) g.name = v->as_string();
  g.percentage = read_amount(required(r, "percentage"));
  return g;
}

PicqerOrder read_order(const Reader& r) {
  check_keys(r, {"idorder", "reference", "status", "products"});
  PicqerOrder order;
  order.idorder = read_id(required(r, "idorder"));
  if (auto v = r.find("reference")) order.reference = v->as_string();
  if (auto v = r.find("status")) order.status = read_word(*v, kPicqerOrderStatuses, "Picqer order status");
  if (auto v = r.find("products")) order.products = read_picqer_order_lines(*v);
  return order;
}

}  // namespace

StockMap read_stock_map(const Reader& r) {
  if (!r.is_object()) r.fail("expected an object {\"<idwarehouse>\": amount}, got " + std::string(json::kind_name(r.raw())));
  StockMap stock;
  for (const std::string& key : r.keys()) {
    Reader amount = r.field(key);
    int64_t id = 0;
    auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
    if (ec != std::errc() || end != key.data() + key.size() || id <= 0 || key[0] == '0') {
      amount.fail("a stock key must be a warehouse id (idwarehouse) such as \"1\", not \"" + key + "\"");
    }
    stock[id] = read_int(amount, 0, kMaxAmount);
  }
  return stock;
}

std::vector<PicqerOrderLine> read_picqer_order_lines(const Reader& r, bool with_price) {
  std::vector<PicqerOrderLine> lines;
  for (const Reader& item : r.items()) {
    if (with_price) {
      check_keys(item, {"productcode", "amount", "price"});
    } else {
      check_keys(item, {"productcode", "amount"});
    }
    PicqerOrderLine line;
    line.productcode = required(item, "productcode").as_string();
    if (auto v = item.find("amount")) line.amount = read_int(*v, 1, kMaxAmount);
    if (auto v = item.find("price"); v && with_price) line.price = read_amount(*v);
    lines.push_back(std::move(line));
  }
  return lines;
}

PicqerProduct read_picqer_product(const Reader& r) {
  check_keys(r, {"idproduct", "productcode", "name", "price", "barcode", "active", "unlimited_stock", "stock"});
  PicqerProduct product;
  if (auto v = r.find("idproduct")) product.idproduct = read_id(*v);
  Reader code = required(r, "productcode");
  product.productcode = code.as_string();
  if (product.productcode.empty()) code.fail("a productcode must not be empty");
  product.name = product.productcode;
  if (auto v = r.find("name")) product.name = v->as_string();
  if (auto v = r.find("price")) product.price = read_amount(*v);
  if (auto v = r.find("barcode")) product.barcode = v->as_string();
  if (auto v = r.find("active")) product.active = v->as_bool();
  if (auto v = r.find("unlimited_stock")) product.unlimited_stock = v->as_bool();
  if (auto v = r.find("stock")) product.stock = read_stock_map(*v);
  return product;
}

PicqerState read_picqer_state(const Reader& r) {
  check_keys(r, {"warehouses", "products", "orders", "vatgroups"});
  PicqerState state;
  if (auto v = r.find("warehouses")) {
    if (v->size() == 0) v->fail("a Picqer account has at least one warehouse; leave the key out for warehouse 1 \"Main\"");
    state.warehouses.clear();
    for (const Reader& item : v->items()) state.warehouses.push_back(read_warehouse(item));
  }
  if (auto v = r.find("products")) {
    for (const Reader& item : v->items()) state.products.push_back(read_picqer_product(item));
  }
  if (auto v = r.find("orders")) {
    for (const Reader& item : v->items()) state.orders.push_back(read_order(item));
  }
  if (auto v = r.find("vatgroups")) {
    if (v->size() == 0) v->fail("leave `vatgroups` out for the fake's default groups; an empty list is not allowed");
    for (const Reader& item : v->items()) state.vatgroups.push_back(read_vatgroup(item));
  }
  return state;
}

}  // namespace lpsync::scenario
