#include "tools/live/config_reader.h"

#include "engine/env/json.h"

namespace lpsync::live {
namespace {

void read_stock_warehouses(ConfigReader& r, const boost::json::value& v, const std::string& where, Settings& s) {
  if (!v.is_array()) {
    r.error(where, "expected a list of Picqer warehouse ids (idwarehouse), e.g. [1, 3], or [] for every warehouse "
                   "that counts for general stock");
    return;
  }
  const auto& list = v.as_array();
  for (size_t i = 0; i < list.size(); ++i) {
    const auto& id = list[i];
    if (id.is_int64() && id.as_int64() > 0) {
      s.stock_warehouses.push_back(id.as_int64());
    } else {
      r.error(where + "[" + std::to_string(i) + "]",
              "expected a positive warehouse id (idwarehouse), got " + std::string(json::kind_name(id)) +
                  (id.is_int64() ? " " + std::to_string(id.as_int64()) : ""));
    }
  }
}

void read_shipping_methods(ConfigReader& r, const boost::json::value& v, const std::string& where, Settings& s) {
  if (!v.is_object()) {
    r.error(where, "expected an object from Lightspeed shipment method id to Picqer idshippingprovider_profile, "
                   "e.g. {\"1042\": 7}, or {} to let Picqer choose");
    return;
  }
  for (const auto& [key, profile] : v.as_object()) {
    std::string method(key);
    std::string at = where + "." + method;
    if (!is_shipment_method_id(method)) {
      r.error(at, "expected a Lightspeed shipment method id (digits) as the key");
    } else if (!profile.is_int64() || profile.as_int64() <= 0) {
      r.error(at, "expected a positive Picqer idshippingprovider_profile, got " + std::string(json::kind_name(profile)));
    } else {
      s.shipping_methods[method] = profile.as_int64();
    }
  }
}

void read_seconds(ConfigReader& r, const boost::json::object& o, const std::string& path, std::string_view key,
                  Duration min, Duration max, Duration& target) {
  auto v = r.integer(o, path, key);
  if (!v) return;
  if (*v < min.seconds() || *v > max.seconds()) {
    r.error(join_path(path, key), "must be between " + std::to_string(min.seconds()) + " and " +
                                      std::to_string(max.seconds()) + " seconds, not " + std::to_string(*v));
  } else {
    target = Duration::seconds(*v);
  }
}

}  // namespace

Settings read_settings(ConfigReader& r, const boost::json::object& o, const std::string& path) {
  r.known_keys(o, path,
               {"active", "import_orders", "import_products", "order_filter", "send_stock", "send_shipments",
                "read_only", "poll_interval", "stock_warehouses", "process_orders", "shipment_delay",
                "shipping_methods"});
  Settings s;  // the defaults after connecting (section 1)
  if (auto v = r.boolean(o, path, "active")) s.active = *v;
  if (auto v = r.boolean(o, path, "import_orders")) s.import_orders = *v;
  if (auto v = r.boolean(o, path, "import_products")) s.import_products = *v;
  if (auto v = r.boolean(o, path, "send_stock")) s.send_stock = *v;
  if (auto v = r.boolean(o, path, "send_shipments")) s.send_shipments = *v;
  if (auto v = r.boolean(o, path, "read_only")) s.read_only = *v;
  if (auto v = r.boolean(o, path, "process_orders")) s.process_orders = *v;
  if (auto v = r.string(o, path, "order_filter")) {
    if (auto f = parse_order_filter(*v)) {
      s.order_filter = *f;
    } else {
      r.error(join_path(path, "order_filter"), "\"" + *v + "\" is not a filter: use paid, all or eligible_to_ship");
    }
  }
  read_seconds(r, o, path, "poll_interval", Settings::kMinPollInterval, Settings::kMaxPollInterval, s.poll_interval);
  read_seconds(r, o, path, "shipment_delay", Duration::seconds(0), Settings::kMaxShipmentDelay, s.shipment_delay);
  if (auto it = o.find("stock_warehouses"); it != o.end() && !it->value().is_null()) {
    read_stock_warehouses(r, it->value(), join_path(path, "stock_warehouses"), s);
  }
  if (auto it = o.find("shipping_methods"); it != o.end() && !it->value().is_null()) {
    read_shipping_methods(r, it->value(), join_path(path, "shipping_methods"), s);
  }
  return s;
}

}  // namespace lpsync::live
