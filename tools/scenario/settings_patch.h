// Connection settings as a scenario gives them: only some keys (the rest keep their
// defaults). Used for the top-level `settings` and for the `engine.settings` action.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/rules/settings.h"

namespace lpsync::scenario {

inline constexpr std::array<std::string_view, 12> kSettingKeys = {
    "active",           "import_orders",  "import_products", "order_filter",   "send_stock",
    "send_shipments",   "read_only",      "poll_interval",   "stock_warehouses", "process_orders",
    "shipment_delay",   "shipping_methods"};

struct SettingsPatch {
  std::optional<bool> active, import_orders, import_products;
  std::optional<OrderFilter> order_filter;
  std::optional<bool> send_stock, send_shipments, read_only;
  std::optional<Duration> poll_interval;  // whole seconds
  std::optional<std::vector<int64_t>> stock_warehouses;
  std::optional<bool> process_orders;
  std::optional<Duration> shipment_delay;  // whole seconds
  std::optional<std::map<std::string, int64_t>> shipping_methods;
  bool operator==(const SettingsPatch&) const = default;
};

// The settings a scenario starts from before its `settings` apply: the connection
// defaults of sync-rules.md section 1, except `active`, which a scenario defaults to true.
Settings scenario_default_settings();

void apply(const SettingsPatch& patch, Settings& target);
// Gives `target` every key `later` gives (later changes win).
void merge(const SettingsPatch& later, SettingsPatch& target);

// The keys the patch gives, in kSettingKeys order.
std::vector<std::string_view> given_keys(const SettingsPatch& patch);

}  // namespace lpsync::scenario
