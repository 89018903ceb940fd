#include "tools/console/connect_check.h"

#include <boost/json.hpp>

#include "engine/core/connection.h"

namespace lpsync::console {
namespace {

namespace bj = boost::json;

constexpr size_t kWarehousesNamed = 5;

struct Needed {
  const char* resource;
  const char* permission;  // as the back office names it
  bool write;
  const char* for_what;
};

// What lpsync reads, and writes once stock and shipments are switched on (reference 1.2).
constexpr Needed kNeeded[] = {
    {"orders", "Orders", false, "read orders"},
    {"products", "Products", false, "read products"},
    {"products", "Products", true, "write stock levels (Send stock changes)"},
    {"orders", "Orders", true, "mark orders shipped (Send shipments and update status)"},
};

std::optional<bj::object> object_at(const std::string& body, std::string_view key) {
  bj::error_code ec;
  bj::value v = bj::parse(body, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const bj::value* inner = v.as_object().if_contains(key);
  if (!inner || !inner->is_object()) return std::nullopt;
  return inner->as_object();
}

// A refused read in words; "" when `result` is a 200.
std::string refusal(const TransportResult& result, const std::string& system, const std::string& url,
                    const std::string& on_401) {
  if (!result.ok()) {
    return "Cannot reach " + system + " at " + url + " (" + result.error().message +
           "): check the address and this machine's network.";
  }
  int status = result.value().status;
  if (status == 200) return "";
  if (status == 401) return on_401;
  if (status == 404) return system + " answered 404 for " + url + ": check the address (and the shop's language).";
  if (status == 429) return system + " says too many requests (429): wait a minute and try again.";
  return system + " answered " + std::to_string(status) + " for " + url + ": try again; if it stays, check " +
         system + "'s status page.";
}

void check_lightspeed(const live::LiveConfig& config, const Connection& c, Transport& http, ConnectFindings& out) {
  std::string auth = basic_auth_header(config.lightspeed.key, config.lightspeed.secret);
  std::string base = c.lightspeed_api_base();
  std::string url = base + "/account/permissions.json";
  TransportResult r = http.send(Request{"GET", url, {{"Authorization", auth}, {"User-Agent", c.user_agent}}, ""});
  std::string why = refusal(r, "Lightspeed", url,
                            "Lightspeed refused the key and secret (401): copy both again from the back office "
                            "(Settings > Developers > API keys), and check the cluster.");
  if (!why.empty()) return out.problems.push_back(why);
  auto permissions = object_at(r.value().body, "accountPermissions");
  if (!permissions) return out.problems.push_back("Lightspeed's answer to " + url + " is not what lpsync knows.");
  for (const Needed& n : kNeeded) {
    const bj::value* p = permissions->if_contains(n.resource);
    const bj::value* allowed = p && p->is_object() ? p->as_object().if_contains(n.write ? "write" : "read") : nullptr;
    if (allowed && allowed->is_bool() && allowed->as_bool()) continue;
    std::string text = std::string("This key cannot ") + n.for_what + ": give it the " + n.permission +
                       " permission (" + (n.write ? "write" : "read") + ") in the back office.";
    (n.write ? out.warnings : out.problems).push_back(text);
  }
  std::string shop_url = base + "/shop.json";
  TransportResult shop = http.send(Request{"GET", shop_url, {{"Authorization", auth}, {"User-Agent", c.user_agent}}, ""});
  std::string name;
  int64_t id = 0;
  if (shop.ok() && shop.value().status == 200) {
    if (auto s = object_at(shop.value().body, "shop")) {
      for (const char* key : {"title", "name"}) {
        if (const bj::value* v = s->if_contains(key); v && v->is_string() && name.empty()) name = v->as_string();
      }
      if (const bj::value* v = s->if_contains("id"); v && v->is_int64()) id = v->as_int64();
    }
  }
  out.shop = (name.empty() ? std::string("The shop") : name) + " (" + (id ? "shop " + std::to_string(id) + ", " : "") +
             "language " + config.lightspeed.language + ")";
}

void check_picqer(const live::LiveConfig& config, const Connection& c, Transport& http, ConnectFindings& out) {
  std::string url = c.picqer_api_base() + "/warehouses";
  TransportResult r = http.send(Request{
      "GET", url, {{"Authorization", basic_auth_header(config.picqer.key, "")}, {"User-Agent", c.user_agent}}, ""});
  std::string why = refusal(r, "Picqer", url,
                            "Picqer refused the API key (401): create one in Picqer under Settings > API keys and "
                            "check the subdomain.");
  if (!why.empty()) return out.problems.push_back(why);
  bj::error_code ec;
  bj::value v = bj::parse(r.value().body, ec);
  if (ec || !v.is_array()) return out.problems.push_back("Picqer's answer to " + url + " is not what lpsync knows.");
  std::string names;
  size_t named = 0;
  for (const auto& w : v.as_array()) {
    if (!w.is_object() || named >= kWarehousesNamed) continue;
    const bj::value* n = w.as_object().if_contains("name");
    if (n && n->is_string()) names += (named++ ? ", " : "") + std::string(n->as_string());
  }
  size_t count = v.as_array().size();
  if (count == 0) out.problems.push_back("This Picqer account has no warehouse: add one in Picqer first.");
  out.picqer = config.picqer.base_url + ": " + std::to_string(count) + (count == 1 ? " warehouse" : " warehouses") +
               (names.empty() ? "" : " (" + names + (count > named ? ", ..." : "") + ")");
}

}  // namespace

ConnectFindings check_connection(const live::LiveConfig& config, Transport& http) {
  ConnectFindings out;
  Connection c;
  c.lightspeed_url = config.lightspeed.base_url;
  c.language = config.lightspeed.language;
  c.picqer_url = config.picqer.base_url;
  if (config.lightspeed.auth == live::LightspeedAuth::app) {
    // An app's key reads no shop: the shop's access comes with its install callback.
    out.shop = "the shop that installs the app (Lightspeed is read once the shop has installed the app)";
  } else {
    check_lightspeed(config, c, http, out);
  }
  check_picqer(config, c, http, out);
  return out;
}

}  // namespace lpsync::console
