#include "tools/live/plan_text.h"

#include <sstream>

#include "engine/env/json.h"
#include "tools/live/report_text.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

constexpr size_t kBodyShown = 160;  // characters of a write's body

std::string field(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) return "";
  return it->value().is_string() ? std::string(it->value().as_string()) : json::serialize(it->value());
}

std::vector<const bj::object*> with(const std::vector<bj::object>& decisions,
                                    std::initializer_list<std::string_view> names) {
  std::vector<const bj::object*> out;
  for (const auto& d : decisions) {
    std::string what = field(d, "decision");
    for (auto n : names) {
      if (what == n) out.push_back(&d);
    }
  }
  return out;
}

// Long strings (an image's base64) as their length, the rest as it would be sent.
void shorten(bj::value& v) {
  constexpr size_t kLongString = 64;
  if (v.is_object()) {
    for (auto& kv : v.as_object()) shorten(kv.value());
  } else if (v.is_array()) {
    for (auto& x : v.as_array()) shorten(x);
  } else if (v.is_string() && v.as_string().size() > kLongString) {
    v = "(" + std::to_string(v.as_string().size()) + " characters)";
  }
}

std::string shown_body(const std::string& body) {
  std::string out = body;
  try {
    bj::value doc = json::parse(body);
    shorten(doc);
    out = json::serialize(doc);
  } catch (const json::Error&) {
  }
  return out.size() > kBodyShown ? out.substr(0, kBodyShown) + "..." : out;
}

// Orders to import and held.
void orders_part(std::ostream& out, const PlanFacts& f) {
  const Settings& s = f.settings;
  auto orders = with(f.decisions, {"order_imported", "order_adopted"});
  out << "Orders to import into Picqer: " << orders.size() << "\n";
  if (!s.import_orders) out << "  (import_orders is off)\n";
  for (const auto* d : orders) {
    bool adopted = field(*d, "decision") == "order_adopted";
    out << "  " << field(*d, "order")
        << (adopted ? " (already in Picqer as order " + field(*d, "idorder") + ": linked, not created again)"
                    : " (a new Picqer order, then processed)")
        << "\n";
  }
  out << held_text(f.report.held, f.now) << needs_person_text(f.report.needs_person, f.now);
}

// Products to link and to create.
void products_part(std::ostream& out, const PlanFacts& f) {
  auto linked = with(f.decisions, {"product_linked", "product_adopted"});
  out << "Products to link (same SKU in Picqer): " << linked.size() << "\n";
  for (const auto* d : linked) {
    out << "  variant " << field(*d, "variant") << ", SKU " << field(*d, "productcode") << " -> Picqer product "
        << field(*d, "idproduct") << "\n";
  }
  auto created = with(f.decisions, {"product_created"});
  out << "Products to create in Picqer: " << created.size() << "\n";
  for (const auto* d : created) {
    out << "  variant " << field(*d, "variant") << ", SKU " << field(*d, "productcode")
        << " (with its images and the shop's stock as base stock)\n";
    out << "    VAT group " << field(*d, "vatgroup") << "\n";
  }
}

// Stock levels and shipments to send to the shop.
void shop_writes_part(std::ostream& out, const PlanFacts& f) {
  const Settings& s = f.settings;
  auto stock = with(f.decisions, {"stock_pushed"});
  out << "Stock levels to send to the shop: " << stock.size() << "\n";
  if (s.read_only) {
    out << "  (read_only is on: nothing is ever written to the shop)\n";
  } else if (!s.send_stock) {
    out << "  (send_stock is off)\n";
  }
  for (const auto* d : stock) out << "  variant " << field(*d, "variant") << ": stockLevel " << field(*d, "stockLevel") << "\n";

  auto shipments = with(f.decisions, {"shipment_pushed"});
  out << "Shipments to mark shipped in the shop: " << shipments.size() << "\n";
  if (s.read_only) {
    out << "  (read_only is on: nothing is ever written to the shop)\n";
  } else if (!s.send_shipments) {
    out << "  (send_shipments is off)\n";
  }
  for (const auto* d : shipments) {
    out << "  order " << field(*d, "order") << ", tracking code " << field(*d, "trackingcode") << "\n";
  }
}

// Every request the write guard stopped, bodies shortened and redacted.
void requests_part(std::ostream& out, const PlanFacts& f, const Redactor& redactor) {
  out << "\nRequests that would change something: " << f.writes.size() << "\n";
  for (const auto& w : f.writes) {
    std::string body = w.body.empty() ? "" : shown_body(redactor.body(w.body));
    std::string api = w.api == "lightspeed" ? "Lightspeed" : w.api == "picqer" ? "Picqer" : w.api;
    out << "  " << api << " " << w.method << " " << redactor.url(w.target) << (body.empty() ? "" : "  " + body) << "\n";
  }
}

}  // namespace

std::string plan_text(const PlanFacts& f, const Redactor& redactor) {
  std::ostringstream out;
  out << "lpsync plan: what the engine would do now. Nothing was written: the write guard stopped every request "
         "other than GET.\n";
  if (!f.was_active) {
    out << "The connection is not active (settings.active is false): this is what activating it would do.\n";
  }
  out << "\n";
  orders_part(out, f);
  products_part(out, f);
  shop_writes_part(out, f);
  if (!f.report.problems.empty()) {
    out << "Needs attention:\n";
    for (const auto& [key, message] : f.report.problems) out << "  - " << message << "\n";
  }
  requests_part(out, f, redactor);
  out << "Reads (GET) made to decide this: " << f.reads << ". Webhooks are registered by `lpsync run`, not shown here.\n";
  out << "Ids from " << WriteGuard::kFirstPlannedId << " up stand for objects that would be created.\n";
  return out.str();
}

}  // namespace lpsync::live
