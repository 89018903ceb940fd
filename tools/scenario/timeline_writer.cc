#include "tools/scenario/writer_parts.h"

namespace lpsync::scenario {

bj::object settings_value(const SettingsPatch& p) {
  bj::object o;
  if (p.active) o["active"] = *p.active;
  if (p.import_orders) o["import_orders"] = *p.import_orders;
  if (p.import_products) o["import_products"] = *p.import_products;
  if (p.order_filter) o["order_filter"] = to_string(*p.order_filter);
  if (p.send_stock) o["send_stock"] = *p.send_stock;
  if (p.send_shipments) o["send_shipments"] = *p.send_shipments;
  if (p.read_only) o["read_only"] = *p.read_only;
  if (p.poll_interval) o["poll_interval"] = p.poll_interval->seconds();
  if (p.process_orders) o["process_orders"] = *p.process_orders;
  if (p.shipment_delay) o["shipment_delay"] = p.shipment_delay->seconds();
  if (p.shipping_methods) {
    bj::object methods;
    for (const auto& [method, profile] : *p.shipping_methods) methods[method] = profile;
    o["shipping_methods"] = std::move(methods);
  }
  if (p.stock_warehouses) {
    bj::array ids;
    for (int64_t id : *p.stock_warehouses) ids.emplace_back(id);
    o["stock_warehouses"] = std::move(ids);
  }
  return o;
}

bj::object event_value(const Event& e, Instant start) {
  bj::object args = std::visit(
      [&](const auto& a) -> bj::object {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, CreateLightspeedOrder>) return lightspeed_order_value(a.order, start);
        if constexpr (std::is_same_v<A, UpdateLightspeedOrder>) return order_patch_value(a.changes, start);
        if constexpr (std::is_same_v<A, UpdateLightspeedVariant>) return variant_patch_value(a.changes);
        if constexpr (std::is_same_v<A, CreateLightspeedProduct>) return lightspeed_product_value(a.product);
        if constexpr (std::is_same_v<A, SetPicqerStock>) {
          return bj::object{{"productcode", a.productcode}, {"idwarehouse", a.idwarehouse}, {"amount", a.amount}};
        }
        if constexpr (std::is_same_v<A, CreatePicqerProduct>) return picqer_product_value(a.product);
        if constexpr (std::is_same_v<A, ShipPicqerOrder>) {
          bj::object o{{"reference", a.reference}, {"trackingcode", a.trackingcode}};
          if (a.carrier) o["carrier"] = *a.carrier;
          return o;
        }
        if constexpr (std::is_same_v<A, CancelPicqerShipment> || std::is_same_v<A, PickPicqerOrder>) {
          return bj::object{{"reference", a.reference}};
        }
        if constexpr (std::is_same_v<A, ImportOrder>) return bj::object{{"number", a.number}};
        if constexpr (std::is_same_v<A, ChangeSettings>) return settings_value(a.changes);
        if constexpr (std::is_same_v<A, GoDown>) return bj::object{{"for", format_duration(a.duration)}};
        if constexpr (std::is_same_v<A, InjectFault>) {
          bj::object o{{"target", to_string(a.target)}, {"kind", fakes::to_string(a.kind)}};
          if (a.count) o["count"] = *a.count;
          if (a.duration) o["for"] = format_duration(*a.duration);
          if (!a.match.empty()) o["match"] = a.match;
          return o;
        }
        return bj::object{};  // engine.activate, engine.import_products, engine.crash
      },
      e.action);
  bj::object event;
  event["at"] = time_value(e.at, start);
  event[action_name(e.action)] = std::move(args);
  return event;
}

}  // namespace lpsync::scenario
