#include "tools/scenario/settings_parser.h"

namespace lpsync::scenario {
namespace {

Duration read_seconds(const Reader& v) {
  if (!v.raw().is_number()) v.fail("expected a number of seconds (an integer), got " + std::string(json::kind_name(v.raw())));
  return Duration::seconds(read_int(v, -1'000'000'000, 1'000'000'000));
}

// Checks one key's value alone, so the message lands on that key's path.
void validate_key(const Reader& value, const SettingsPatch& only_this_key) {
  Settings s = scenario_default_settings();
  apply(only_this_key, s);
  if (std::string problem = validate(s); !problem.empty()) value.fail(problem);
}

}  // namespace

SettingsPatch read_settings_patch(const Reader& r) {
  check_keys(r, kSettingKeys);
  SettingsPatch patch;
  for (const std::string& key : r.keys()) {
    auto found = r.find(key);
    if (!found) continue;  // null: as if absent
    const Reader& v = *found;
    SettingsPatch one;
    if (key == "active") one.active = v.as_bool();
    else if (key == "import_orders") one.import_orders = v.as_bool();
    else if (key == "import_products") one.import_products = v.as_bool();
    else if (key == "send_stock") one.send_stock = v.as_bool();
    else if (key == "send_shipments") one.send_shipments = v.as_bool();
    else if (key == "read_only") one.read_only = v.as_bool();
    else if (key == "process_orders") one.process_orders = v.as_bool();
    else if (key == "order_filter") {
      one.order_filter = parse_order_filter(read_word(v, kOrderFilters, "order_filter"));
    } else if (key == "poll_interval") {
      one.poll_interval = read_seconds(v);
    } else if (key == "shipment_delay") {
      one.shipment_delay = read_seconds(v);
    } else if (key == "shipping_methods") {
      one.shipping_methods.emplace();
      for (const std::string& method : v.keys()) (*one.shipping_methods)[method] = v.field(method).as_int();
    } else if (key == "stock_warehouses") {
      one.stock_warehouses.emplace();
      for (const Reader& id : v.items()) one.stock_warehouses->push_back(id.as_int());
    }
    validate_key(v, one);
    merge(one, patch);
  }
  return patch;
}

}  // namespace lpsync::scenario
