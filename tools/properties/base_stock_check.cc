// Issue 17 item 4: the base stock of a product the engine created equals the shop's count
// plus the quantity of that variant on its open orders not in Picqer yet (sync-rules §3).
#include <boost/json.hpp>

#include <algorithm>

#include "tools/properties/checks.h"

namespace lpsync::properties {
namespace {

// A successful listing of the shop's orders: when the engine last saw which orders are open.
bool is_order_listing(const boost::json::object& line) {
  std::string target(line.at("target").as_string());
  return line.at("http").as_string() == "lightspeed" && line.at("method").as_string() == "GET" &&
         target.find("/orders.json") != std::string::npos && line.contains("status") &&
         line.at("status").as_int64() == 200;
}

// The model's open quantity of `variant` at t: orders in the window, not cancelled, not
// shipped, and not in Picqer before t (the order a product is created for is imported after).
int64_t open_quantity(const Model& m, const Outcome& o, int64_t variant, Instant t) {
  int64_t sum = 0;
  for (int64_t id : m.order_ids()) {
    if (!m.in_window(id, t)) continue;
    ModelOrder mo = m.order_at(id, t);
    bool in_picqer = std::any_of(o.picqer_orders.begin(), o.picqer_orders.end(), [&](const PicqerOrderFact& p) {
      return p.reference == mo.order.number && p.created < t;
    });
    if (in_picqer) continue;
    auto gate = model_gate(mo.order);
    if (gate == std::optional<std::string>("cancelled") || gate == std::optional<std::string>("shipped")) continue;
    for (const auto& line : mo.order.lines) {
      if (line.variant == variant) sum += line.quantity;
    }
  }
  return sum;
}

}  // namespace

Violations check_base_stock(const Model& m, const Outcome& o) {
  Violations v;
  std::optional<Instant> listed;
  for (const auto& text : o.run.trace) {
    auto line = boost::json::parse(text).as_object();
    Instant at = *parse_iso8601(line.at("t").as_string());
    if (line.contains("http")) {
      if (is_order_listing(line)) listed = at;
      continue;
    }
    auto d = line.find("decision");
    if (d == line.end() || d->value().as_string() != "base_stock_set") continue;
    int64_t variant = line.at("variant").as_int64();
    int64_t level = line.at("stockLevel").as_int64();
    int64_t stock = line.at("stock").as_int64();
    int64_t open = open_quantity(m, o, variant, at);
    // An order of this variant placed or changed between the engine's listing and the write
    // makes "at that moment" ambiguous: the engine decides on what it listed.
    if (!listed || open_quantity(m, o, variant, *listed) != open) continue;
    int64_t expected = std::max<int64_t>(0, level) + open;
    if (stock != expected) {
      v.push_back("variant " + std::to_string(variant) + " got base stock " + std::to_string(stock) + " at " +
                  format_iso8601(at) + "; the shop counted " + std::to_string(level) + " and its open orders not in " +
                  "Picqer hold " + std::to_string(open) + ", so it should be " + std::to_string(expected));
    }
  }
  return v;
}

}  // namespace lpsync::properties
