#include "engine/rules/settings.h"

namespace lpsync {

std::string_view to_string(OrderFilter f) {
  switch (f) {
    case OrderFilter::paid: return "paid";
    case OrderFilter::all: return "all";
    case OrderFilter::eligible_to_ship: return "eligible_to_ship";
  }
  return "paid";
}

std::optional<OrderFilter> parse_order_filter(std::string_view text) {
  if (text == "paid") return OrderFilter::paid;
  if (text == "all") return OrderFilter::all;
  if (text == "eligible_to_ship") return OrderFilter::eligible_to_ship;
  return std::nullopt;
}

bool is_shipment_method_id(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string validate(const Settings& s) {
  if (s.poll_interval < Settings::kMinPollInterval || s.poll_interval > Settings::kMaxPollInterval) {
    return "poll_interval must be between 60 and 3600 seconds, not " + std::to_string(s.poll_interval.seconds());
  }
  for (int64_t w : s.stock_warehouses) {
    if (w <= 0) return "stock_warehouses must list positive warehouse ids (idwarehouse), not " + std::to_string(w);
  }
  if (s.shipment_delay < Duration::seconds(0) || s.shipment_delay > Settings::kMaxShipmentDelay) {
    return "shipment_delay must be between 0 and 3600 seconds, not " + std::to_string(s.shipment_delay.seconds());
  }
  if (s.shipping_methods.size() > Settings::kMaxShippingMethods) {
    return "shipping_methods may map at most 1000 shipment methods, not " + std::to_string(s.shipping_methods.size());
  }
  for (const auto& [method, profile] : s.shipping_methods) {
    if (!is_shipment_method_id(method)) {
      return "shipping_methods keys must be Lightspeed shipment method ids (digits, as a string), not \"" + method +
             "\"";
    }
    if (profile <= 0) {
      return "shipping_methods must map to positive Picqer idshippingprovider_profile ids, not " +
             std::to_string(profile);
    }
  }
  return "";
}

}  // namespace lpsync
