#include "tools/properties/checks.h"

#include <boost/json.hpp>

#include <algorithm>

namespace lpsync::properties {
namespace {

std::set<std::string> imported(const Outcome& o) {
  std::set<std::string> out;
  for (const auto& p : o.picqer_orders) out.insert(p.reference);
  return out;
}

std::optional<Instant> imported_at(const Outcome& o, const std::string& number) {
  for (const auto& p : o.picqer_orders) {
    if (p.reference == number) return p.created;
  }
  return std::nullopt;
}

}  // namespace

Violations check_window(const Model& m, const Outcome& o) {
  Violations v;
  auto may = m.may_import();
  for (const auto& number : imported(o)) {
    if (!may.count(number)) {
      v.push_back("order " + number + " was imported, but it was never in its window, through the gate and filter "
                  "with every line resolvable while the engine ran");
    }
  }
  return v;
}

Violations check_nothing_lost(const Model& m, const Outcome& o) {
  Violations v;
  auto done = imported(o);
  for (const auto& number : m.must_import()) {
    if (!done.count(number)) v.push_back("order " + number + " stayed eligible long enough but was never imported");
  }
  return v;
}

namespace {

// A successful read of Lightspeed variants: the list (/variants.json) or one (/variants/11.json);
// not a count.
bool is_variant_read(const boost::json::object& line) {
  std::string target(line.at("target").as_string());
  bool variants = target.find("/variants.json") != std::string::npos ||
                  (target.find("/variants/") != std::string::npos && target.find("/variants/count") == std::string::npos);
  return line.at("http").as_string() == "lightspeed" && line.at("method").as_string() == "GET" && variants &&
         line.contains("status") && line.at("status").as_int64() == 200;
}

// Every product created and every order line imported came after a fresh read of the variants in
// which its SKU had exactly one holder.
void check_fresh_unique_reads(const Model& m, const Outcome& o, Violations& v) {
  constexpr Duration kFreshness = Duration::minutes(1);
  std::map<std::string, std::vector<std::string>> codes_of_order;
  for (const auto& po : o.picqer_orders) codes_of_order[po.reference] = po.productcodes;
  std::optional<Instant> last_read;
  auto judge = [&](const std::string& what, const std::string& code, Instant at) {
    if (!last_read || at - *last_read > kFreshness) {
      v.push_back(what + " at " + format_iso8601(at) + " without a fresh read of the shop's variants");
    } else if (size_t n = m.holders(code, *last_read).size(); n != 1) {
      v.push_back(what + " at " + format_iso8601(at) + " although " + std::to_string(n) + " variants had SKU \"" +
                  code + "\" when the engine last read them (" + format_iso8601(*last_read) + ")");
    }
  };
  for (const auto& text : o.run.trace) {
    auto line = boost::json::parse(text).as_object();
    Instant at = *parse_iso8601(line.at("t").as_string());
    if (line.contains("http")) {
      if (is_variant_read(line)) last_read = at;
      continue;
    }
    auto d = line.find("decision");
    if (d == line.end()) continue;
    if (d->value().as_string() == "product_created") {
      std::string code(line.at("productcode").as_string());
      judge("product " + code + " created", code, at);
    } else if (d->value().as_string() == "order_imported") {
      std::string number(line.at("order").as_string());
      for (const auto& code : codes_of_order[number]) judge("order " + number + " imported with " + code, code, at);
    }
  }
}

// The held list of the last poll, decided again by the model.
void check_held_list(const Model& m, const Outcome& o, Violations& v) {
  Settings st = o.engine_settings;
  if (!o.engine_up || !st.active || (!st.import_orders && !st.pushes_stock())) return;
  Instant t = o.last_poll;
  std::set<std::string> expected, actual;
  for (int64_t id : m.order_ids()) {
    if (!m.in_window(id, t)) continue;
    ModelOrder mo = m.order_at(id, t);
    auto at = imported_at(o, mo.order.number);
    if (at && *at <= t) continue;
    std::optional<std::string> reason;
    if (auto g = model_gate(mo.order)) {
      reason = g;
    } else if (auto f = model_filter(mo.order, st.order_filter)) {
      reason = f;
    } else if (st.import_orders) {
      reason = m.reason_at(id, t);
    }
    if (reason) expected.insert(mo.order.number + ": " + *reason);
  }
  for (const auto& h : o.held) actual.insert(h.number + ": " + std::string(to_string(h.reason)));
  if (expected != actual) {
    std::string e, a;
    for (const auto& x : expected) e += " [" + x + "]";
    for (const auto& x : actual) a += " [" + x + "]";
    v.push_back("the last poll (" + format_iso8601(t) + ") held" + a + " but the rules hold" + e);
  }
}

}  // namespace

Violations check_unique_skus(const Model& m, const Outcome& o) {
  Violations v;
  check_fresh_unique_reads(m, o, v);
  check_held_list(m, o, v);
  return v;
}

std::vector<Breach> read_only_breaches(const scenario::Scenario& s, const Outcome& o) {
  std::vector<Breach> out;
  Settings merchant = s.start_settings();
  auto events = scenario::in_time_order(s.timeline);
  size_t next_event = 0;
  for (const auto& text : o.run.trace) {
    auto line = boost::json::parse(text).as_object();
    if (auto d = line.find("decision"); d != line.end() && d->value().as_string() == "event") {
      // Events appear in the trace in time order, as they are applied.
      const auto& e = events.at(next_event++);
      if (const auto* c = std::get_if<scenario::ChangeSettings>(&e.action)) scenario::apply(c->changes, merchant);
      if (std::holds_alternative<scenario::Activate>(e.action)) merchant.active = true;
      continue;
    }
    auto api = line.find("http");
    if (api == line.end() || line.at("method").as_string() == "GET") continue;
    std::string which(api->value().as_string());
    std::string request = std::string(line.at("t").as_string()) + ": " + std::string(line.at("method").as_string()) +
                          " " + std::string(line.at("target").as_string());
    if (!merchant.active && which != "download") {
      out.push_back({which, request + " sent while the connection was inactive"});
    } else if (merchant.read_only && which == "lightspeed") {
      out.push_back({which, request + " sent to the shop while read-only was on"});
    }
  }
  return out;
}

Violations check_read_only(const scenario::Scenario& s, const Outcome& o) {
  Violations v;
  for (const auto& b : read_only_breaches(s, o)) v.push_back(b.message);
  return v;
}

Violations check_at_most_once(const Outcome& o) {
  Violations v;
  std::map<std::string, int> orders, products;
  for (const auto& p : o.picqer_orders) ++orders[p.reference];
  for (const auto& p : o.picqer_products) ++products[p.productcode];
  for (const auto& [ref, n] : orders) {
    if (n > 1) v.push_back("order " + ref + " is in Picqer " + std::to_string(n) + " times");
  }
  for (const auto& [code, n] : products) {
    if (n > 1) v.push_back("product " + code + " is in Picqer " + std::to_string(n) + " times");
  }
  for (const auto& [shipment, n] : o.shipment_writes) {
    if (n > 1) v.push_back("shop shipment " + std::to_string(shipment) + " was updated " + std::to_string(n) + " times");
  }
  return v;
}

namespace {

struct Level {
  int64_t variant, shop, desired, free, pending;
  std::string code;
};

std::vector<Level> levels(const Model& m, const Outcome& o) {
  std::vector<Level> out;
  const Settings& st = o.engine_settings;
  if (!o.engine_up || !st.pushes_stock()) return out;
  std::vector<int64_t> warehouses = st.stock_warehouses;
  if (warehouses.empty()) {
    for (const auto& w : o.warehouses) {
      if (w.active && w.counts_for_general_stock) warehouses.push_back(w.id);
    }
  }
  Instant t = o.last_poll;
  for (const auto& link : o.links) {
    int64_t free = 0;
    for (int64_t w : warehouses) {
      auto it = o.free_stock.find({link.productcode, w});
      if (it != o.free_stock.end()) free += it->second;
    }
    int64_t pending = 0;
    for (int64_t id : m.order_ids()) {
      if (!m.in_window(id, t)) continue;
      ModelOrder mo = m.order_at(id, t);
      auto at = imported_at(o, mo.order.number);
      if (at && *at <= t) continue;
      auto gate = model_gate(mo.order);
      if (gate == std::optional<std::string>("cancelled") || gate == std::optional<std::string>("shipped")) continue;
      for (const auto& line : mo.order.lines) {
        if (line.variant == link.variant_id) pending += line.quantity;
      }
    }
    int64_t shop = o.shop_stock.count(link.variant_id) ? o.shop_stock.at(link.variant_id) : -1;
    out.push_back({link.variant_id, shop, std::max<int64_t>(0, free - pending), free, pending, link.productcode});
  }
  return out;
}

}  // namespace

std::vector<scenario::VariantPatch> desired_levels(const Model& m, const Outcome& o) {
  std::vector<scenario::VariantPatch> out;
  for (const auto& l : levels(m, o)) {
    if (l.shop == l.desired) continue;
    scenario::VariantPatch p;
    p.id = l.variant;
    p.stock_level = l.desired;
    out.push_back(p);
  }
  return out;
}

Violations check_stock_converged(const Model& m, const Outcome& o) {
  Violations v;
  for (const auto& l : levels(m, o)) {
    if (l.shop != l.desired) {
      v.push_back("variant " + std::to_string(l.variant) + " (" + l.code + ") shows " + std::to_string(l.shop) +
                  " in the shop; desired is " + std::to_string(l.desired) + " (free " + std::to_string(l.free) +
                  ", pending " + std::to_string(l.pending) + ")");
    }
  }
  return v;
}

}  // namespace lpsync::properties
