// Inputs of the shop actions (what a merchant or customer does, not over HTTP) and of the
// API writes, which go through the same mutations. Optional fields mean "leave as is".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/env/time.h"
#include "fakes/lightspeed/model.h"

namespace lpsync::fakes::lightspeed {

struct VariantSpec {
  int64_t id = 0;  // 0: the next free id
  std::string title, sku, ean, article_code;
  double price_excl = 0, price_incl = 0;
  int64_t stock_level = 0;
  std::string stock_tracking = "enabled";
  int64_t weight = 0;
};

struct ProductSpec {
  int64_t id = 0;  // 0: the next free id
  std::string title;
  std::vector<std::string> images;    // file names; each stands for small deterministic bytes
  std::vector<VariantSpec> variants;  // empty: one default variant without codes
  std::optional<Instant> created_at, updated_at;  // default: now
};

struct VariantPatch {
  std::optional<std::string> title, sku, ean, article_code, stock_tracking;
  std::optional<double> price_excl, price_incl, price_cost, old_price_excl, old_price_incl;
  std::optional<int64_t> stock_level, stock_alert, stock_minimum, stock_buy_minimum, stock_buy_maximum;
  std::optional<int64_t> weight, sort_order;
  std::optional<Instant> at;  // when it happened (default: now)
};

struct OrderLineSpec {
  std::optional<int64_t> variant;   // nullopt: a line without a variant
  int64_t quantity = 1;
  std::optional<double> price_incl;  // unit price incl. VAT; default: the variant's
  std::string title;                 // product title of a line without a variant
};

struct OrderSpec {
  int64_t id = 0;      // 0: the next free id
  std::string number;  // "": "ORD" + the id, zero-padded to 5 digits
  std::optional<Instant> created_at, updated_at;  // default: now (updated: created)
  std::string status = "processing_awaiting_shipment";
  std::string payment_status = "not_paid";
  std::string shipment_status = "not_shipped";
  bool shipment_is_cash_on_delivery = false, payment_is_post = false;
  bool shipment_is_pickup = false;  // a default status becomes processing_awaiting_pickup
  int64_t shipment_method_id = 1, shipment_value_id = 1;
  std::string shipment_title;  // "": derived from the method's kind (pickup, cash on delivery)
  std::string email, firstname, lastname, phone, comment;
  Address address;
  std::vector<OrderLineSpec> lines;
  std::string language;    // "": the shop's default language
  bool lower_stock = true;  // false for initial state whose stock levels already account for it
};

struct OrderPatch {
  std::optional<std::string> status, payment_status, shipment_status, memo;
  std::optional<std::string> email, firstname, lastname, phone, comment;
  std::optional<bool> shipment_is_cash_on_delivery, payment_is_post, shipment_is_pickup;
  std::optional<int64_t> shipment_method_id;
  std::optional<Address> address;
  // New lines, as the merchant edits them in the back office (not through the API, which has
  // no such write); the shop's stock levels are left as they are.
  std::optional<std::vector<OrderLineSpec>> lines;
  std::optional<Instant> at;  // the new updatedAt (default: now)
};

struct ShipmentPatch {
  std::optional<std::string> status, tracking_code;
  std::optional<bool> do_notify_shipped, do_notify_tracking_code, do_notify_ready_for_pickup;
};

}  // namespace lpsync::fakes::lightspeed
