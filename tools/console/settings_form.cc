#include "tools/console/settings_form.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <vector>

#include "tools/console/html.h"

namespace lpsync::console {
namespace {

namespace bj = boost::json;

struct Switch {
  const char* key;
  const char* label;
  const char* explained;
  bool Settings::*field;
};

// In the order a merchant meets them; the safe defaults are the Settings defaults.
constexpr Switch kSwitches[] = {
    {"active", "Active", "Off: lpsync only reads; nothing is written to the shop or to Picqer.", &Settings::active},
    {"import_orders", "Import orders", "New orders of the shop (changed in the last 12 hours) go to Picqer.",
     &Settings::import_orders},
    {"import_products", "Import products",
     "A product of an order that Picqer does not have yet is created there (and Import products may run).",
     &Settings::import_products},
    {"process_orders", "Process orders at once",
     "An imported order that can be shipped gets its picklist at once; off leaves it for you to process.",
     &Settings::process_orders},
    {"send_stock", "Send stock changes", "Picqer's free stock is written to the shop's stock levels.",
     &Settings::send_stock},
    {"send_shipments", "Send shipments and update status",
     "A shipment made in Picqer marks the order shipped in the shop, with its track & trace.",
     &Settings::send_shipments},
    {"read_only", "Read-only", "Nothing is ever written to the shop, whatever else is on.", &Settings::read_only},
};

std::string checkbox(const Switch& s, const Settings& settings) {
  std::string id = std::string("s-") + s.key;
  return "<div class=\"setting\"><input type=\"checkbox\" id=\"" + id + "\" name=\"" + s.key + "\" value=\"on\"" +
         (settings.*s.field ? " checked" : "") + "><label for=\"" + id + "\">" + escape(s.label) +
         "</label><p class=\"note\">" + escape(s.explained) + "</p></div>";
}

std::string number(const char* key, const char* label, const char* explained, int64_t value, int64_t min,
                   int64_t max) {
  std::string id = std::string("s-") + key;
  return "<div class=\"setting\"><label for=\"" + id + "\">" + escape(label) + "</label><input type=\"number\" id=\"" +
         id + "\" name=\"" + key + "\" min=\"" + std::to_string(min) + "\" max=\"" + std::to_string(max) +
         "\" value=\"" + std::to_string(value) + "\"><p class=\"note\">" + escape(explained) + "</p></div>";
}

std::string text(const char* key, const char* label, const char* explained, const std::string& value) {
  std::string id = std::string("s-") + key;
  return "<div class=\"setting\"><label for=\"" + id + "\">" + escape(label) + "</label><input type=\"text\" id=\"" +
         id + "\" name=\"" + key + "\" value=\"" + escape(value) + "\"><p class=\"note\">" + escape(explained) +
         "</p></div>";
}

std::string join_ids(const std::vector<int64_t>& ids) {
  std::string out;
  for (int64_t id : ids) out += (out.empty() ? "" : ", ") + std::to_string(id);
  return out;
}

std::string join_methods(const std::map<std::string, int64_t>& methods) {
  std::string out;
  for (const auto& [method, profile] : methods) out += (out.empty() ? "" : ", ") + method + "=" + std::to_string(profile);
  return out;
}

std::string trim(const std::string& text) {
  size_t first = text.find_first_not_of(' '), last = text.find_last_not_of(' ');
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

// The parts of a comma-separated list, each trimmed, empty ones left out.
std::vector<std::string> comma_parts(const std::string& text) {
  std::vector<std::string> parts;
  for (size_t i = 0; i <= text.size();) {
    size_t end = std::min(text.find(',', i), text.size());
    if (std::string part = trim(text.substr(i, end - i)); !part.empty()) parts.push_back(part);
    i = end + 1;
  }
  return parts;
}

std::optional<int64_t> whole_number(const std::string& text) {
  int64_t n = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || p != text.data() + text.size()) return std::nullopt;
  return n;
}

// "12", "12, 14": the numbers of a list, or the text itself when it is not one (the check
// then names it).
bj::value id_list(const std::string& text) {
  bj::array ids;
  for (const std::string& part : comma_parts(text)) {
    auto id = whole_number(part);
    if (!id) return bj::value(text);
    ids.push_back(*id);
  }
  return ids;
}

// "123=7, 124=8": shipment method id = Picqer profile id.
bj::value method_map(const std::string& text) {
  bj::object methods;
  for (const std::string& part : comma_parts(text)) {
    size_t eq = part.find('=');
    if (eq == std::string::npos) return bj::value(text);
    std::string method = trim(part.substr(0, eq));
    auto id = whole_number(trim(part.substr(eq + 1)));
    if (method.empty() || !id) return bj::value(text);
    methods[method] = *id;
  }
  return methods;
}

}  // namespace

std::string settings_fields(const Settings& s) {
  std::string out;
  for (const Switch& sw : kSwitches) out += checkbox(sw, s);
  std::string filter = std::string(to_string(s.order_filter));
  out += "<div class=\"setting\"><label for=\"s-order_filter\">Which orders</label><select id=\"s-order_filter\" "
         "name=\"order_filter\">";
  for (const char* f : {"paid", "all", "eligible_to_ship"}) {
    out += std::string("<option value=\"") + f + "\"" + (filter == f ? " selected" : "") + ">" + f + "</option>";
  }
  out += "</select><p class=\"note\">paid: only paid orders; all: every order; eligible_to_ship: what the shop "
         "marks ready to ship.</p></div>";
  out += number("poll_interval", "Look for new orders every (seconds)", "Between 60 and 3600; webhooks are faster.",
                s.poll_interval.seconds(), Settings::kMinPollInterval.seconds(), Settings::kMaxPollInterval.seconds());
  out += number("shipment_delay", "Tell the shop about a shipment after (seconds)",
                "Time to cancel a wrong shipment in Picqer first; 0 to 3600.", s.shipment_delay.seconds(), 0,
                Settings::kMaxShipmentDelay.seconds());
  out += text("stock_warehouses", "Warehouses whose stock counts",
              "Picqer warehouse ids separated by commas; empty: every active warehouse counting for general stock.",
              join_ids(s.stock_warehouses));
  out += text("shipping_methods", "Shipping methods",
              "Shop shipment method id = Picqer shipping profile id, separated by commas; empty: Picqer's rules "
              "choose.",
              join_methods(s.shipping_methods));
  return out;
}

bj::object settings_from_form(const QueryParams& form) {
  bj::object o;
  for (const Switch& sw : kSwitches) o[sw.key] = query_value(form, sw.key).value_or("") == "on";
  if (auto f = query_value(form, "order_filter")) o["order_filter"] = *f;
  for (const char* key : {"poll_interval", "shipment_delay"}) {
    std::string v = query_value(form, key).value_or("");
    if (v.empty()) continue;
    auto n = whole_number(v);
    o[key] = n ? bj::value(*n) : bj::value(v);
  }
  o["stock_warehouses"] = id_list(query_value(form, "stock_warehouses").value_or(""));
  o["shipping_methods"] = method_map(query_value(form, "shipping_methods").value_or(""));
  return o;
}

}  // namespace lpsync::console
