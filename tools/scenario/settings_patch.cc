#include "tools/scenario/settings_patch.h"

namespace lpsync::scenario {
namespace {

template <class T>
void put(const std::optional<T>& given, T& target) {
  if (given) target = *given;
}

}  // namespace

Settings scenario_default_settings() {
  Settings s;
  s.active = true;
  return s;
}

void apply(const SettingsPatch& p, Settings& s) {
  put(p.active, s.active);
  put(p.import_orders, s.import_orders);
  put(p.import_products, s.import_products);
  put(p.order_filter, s.order_filter);
  put(p.send_stock, s.send_stock);
  put(p.send_shipments, s.send_shipments);
  put(p.read_only, s.read_only);
  put(p.poll_interval, s.poll_interval);
  put(p.stock_warehouses, s.stock_warehouses);
  put(p.process_orders, s.process_orders);
  put(p.shipment_delay, s.shipment_delay);
  put(p.shipping_methods, s.shipping_methods);
}

void merge(const SettingsPatch& later, SettingsPatch& t) {
  auto take = [](const auto& given, auto& target) {
    if (given) target = given;
  };
  take(later.active, t.active);
  take(later.import_orders, t.import_orders);
  take(later.import_products, t.import_products);
  take(later.order_filter, t.order_filter);
  take(later.send_stock, t.send_stock);
  take(later.send_shipments, t.send_shipments);
  take(later.read_only, t.read_only);
  take(later.poll_interval, t.poll_interval);
  take(later.stock_warehouses, t.stock_warehouses);
  take(later.process_orders, t.process_orders);
  take(later.shipment_delay, t.shipment_delay);
  take(later.shipping_methods, t.shipping_methods);
}

std::vector<std::string_view> given_keys(const SettingsPatch& p) {
  const bool given[] = {p.active.has_value(),     p.import_orders.has_value(),  p.import_products.has_value(),
                        p.order_filter.has_value(), p.send_stock.has_value(),   p.send_shipments.has_value(),
                        p.read_only.has_value(),  p.poll_interval.has_value(), p.stock_warehouses.has_value(),
                        p.process_orders.has_value(), p.shipment_delay.has_value(), p.shipping_methods.has_value()};
  std::vector<std::string_view> out;
  for (size_t i = 0; i < kSettingKeys.size(); ++i) {
    if (given[i]) out.push_back(kSettingKeys[i]);
  }
  return out;
}

}  // namespace lpsync::scenario
