// The settings of one connection (sync-rules.md section 1), with their defaults and limits.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/env/time.h"

namespace lpsync {

enum class OrderFilter { paid, all, eligible_to_ship };
std::string_view to_string(OrderFilter f);
std::optional<OrderFilter> parse_order_filter(std::string_view text);

struct Settings {
  bool active = false;  // nothing is written anywhere until the merchant activates
  bool import_orders = true;
  bool import_products = true;
  OrderFilter order_filter = OrderFilter::paid;
  bool send_stock = false;
  bool send_shipments = false;
  bool read_only = false;
  Duration poll_interval = Duration::seconds(300);
  std::vector<int64_t> stock_warehouses;  // empty: every active warehouse that counts for general stock
  bool process_orders = true;             // a shippable imported order is processed at once
  Duration shipment_delay = Duration::seconds(300);  // a shipment reaches the shop this long after it was made
  // Lightspeed shipment method id (as a string) -> Picqer idshippingprovider_profile; empty:
  // Picqer's own rules choose.
  std::map<std::string, int64_t> shipping_methods;

  static constexpr Duration kMinPollInterval = Duration::seconds(60);
  static constexpr Duration kMaxPollInterval = Duration::seconds(3600);
  static constexpr Duration kMaxShipmentDelay = Duration::seconds(3600);
  static constexpr size_t kMaxShippingMethods = 1000;

  // Writes to Lightspeed are allowed (active and not read-only).
  bool may_write_lightspeed() const { return active && !read_only; }
  bool pushes_stock() const { return may_write_lightspeed() && send_stock; }
  bool pushes_shipments() const { return may_write_lightspeed() && send_shipments; }

  bool operator==(const Settings&) const = default;
};

// A Lightspeed shipment method id as `shipping_methods` keys it: digits only.
bool is_shipment_method_id(std::string_view text);

// An error message naming the setting and its allowed values, or "" when valid.
std::string validate(const Settings& s);

}  // namespace lpsync
