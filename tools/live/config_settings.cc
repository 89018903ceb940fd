#include "tools/live/config_reader.h"

#include "engine/env/json.h"

namespace lpsync::live {

Settings read_settings(ConfigReader& r, const boost::json::object& o, const std::string& path) {
  r.known_keys(o, path,
               {"active", "import_orders", "import_products", "order_filter", "send_stock", "send_shipments",
                "read_only", "poll_interval", "stock_warehouses"});
  Settings s;  // the defaults after connecting (section 1)
  if (auto v = r.boolean(o, path, "active")) s.active = *v;
  if (auto v = r.boolean(o, path, "import_orders")) s.import_orders = *v;
  if (auto v = r.boolean(o, path, "import_products")) s.import_products = *v;
  if (auto v = r.boolean(o, path, "send_stock")) s.send_stock = *v;
  if (auto v = r.boolean(o, path, "send_shipments")) s.send_shipments = *v;
  if (auto v = r.boolean(o, path, "read_only")) s.read_only = *v;
  if (auto v = r.string(o, path, "order_filter")) {
    if (auto f = parse_order_filter(*v)) {
      s.order_filter = *f;
    } else {
      r.error(join_path(path, "order_filter"), "\"" + *v + "\" is not a filter: use paid, all or eligible_to_ship");
    }
  }
  if (auto v = r.integer(o, path, "poll_interval")) {
    if (*v < Settings::kMinPollInterval.seconds() || *v > Settings::kMaxPollInterval.seconds()) {
      r.error(join_path(path, "poll_interval"),
              "must be between 60 and 3600 seconds, not " + std::to_string(*v));
    } else {
      s.poll_interval = Duration::seconds(*v);
    }
  }
  if (auto it = o.find("stock_warehouses"); it != o.end() && !it->value().is_null()) {
    std::string where = join_path(path, "stock_warehouses");
    if (!it->value().is_array()) {
      r.error(where, "expected a list of Picqer warehouse ids (idwarehouse), e.g. [1, 3], or [] for every warehouse "
                     "that counts for general stock");
    } else {
      const auto& list = it->value().as_array();
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
  }
  return s;
}

}  // namespace lpsync::live
