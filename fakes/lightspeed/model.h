// The records the fake shop keeps: plain values, keyed by id in Shop. Field names follow
// the API's; JSON shapes are made in serialize.cc. Every timestamp is whole seconds (the
// API shows seconds), so filter bounds compare exactly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/env/time.h"

namespace lpsync::fakes::lightspeed {

struct Address {
  std::string name, street, number, zipcode, city;
  std::string country = "nl";  // 2-letter code, lower case
};

struct Image {
  int64_t id = 0;
  int64_t product_id = 0;
  std::string name;  // file name as given ("shirt.jpg"); its bytes derive from it
  int sort_order = 1;
  int64_t size = 0;  // bytes served at src
  Instant created_at, updated_at;
};

struct Product {
  int64_t id = 0;
  std::string title;
  Instant created_at, updated_at;
  std::vector<int64_t> image_ids;    // in sortOrder
  std::vector<int64_t> variant_ids;  // in sortOrder; never empty
};

struct Variant {
  int64_t id = 0;
  int64_t product_id = 0;
  bool is_default = false;
  int64_t sort_order = 1;
  std::string title, sku, ean, article_code;
  double price_excl = 0, price_incl = 0, price_cost = 0, old_price_excl = 0, old_price_incl = 0;
  std::string stock_tracking = "enabled";
  int64_t stock_level = 0, stock_alert = 0, stock_minimum = 0, stock_sold = 0;
  int64_t stock_buy_minimum = 1, stock_buy_maximum = 10000;
  int64_t weight = 0;  // grams
  Instant created_at, updated_at;
};

// A change of a variant's stockLevel ("variantsMovements").
struct Movement {
  int64_t id = 0;
  int64_t variant_id = 0, product_id = 0;
  std::string channel;  // "manual" (shop back office), "auto" (orders), "api"
  int64_t stock_level_change = 0;
  Instant created_at;
};

struct OrderLine {
  int64_t id = 0;
  std::optional<int64_t> variant_id, product_id;  // nullopt: a line without a variant
  std::string product_title, variant_title, sku, ean, article_code;
  int64_t quantity = 1, quantity_shipped = 0;
  double base_price_incl = 0, base_price_excl = 0;  // per unit
  int64_t weight = 0;
};

struct Order {
  int64_t id = 0;
  std::string number;
  Instant created_at, updated_at;
  std::string status = "processing_awaiting_shipment";
  std::string payment_status = "not_paid";
  std::string shipment_status = "not_shipped";
  bool shipment_is_cash_on_delivery = false, payment_is_post = false;
  // The shipping method the customer chose: shipmentId "core|<method>|<value>",
  // shipmentData {method, shipment_id, shipping_value_id}, shipmentTitle.
  int64_t shipment_method_id = 1, shipment_value_id = 1;
  std::string shipment_title;
  bool shipment_is_pickup = false;  // collected by the customer, not sent
  std::string email, firstname, lastname, phone, memo;
  std::string comment;   // the customer's note at checkout
  std::string language;  // code of the shop language the order was placed in
  Address address;       // used for billing and shipping
  std::vector<OrderLine> lines;
};

struct Shipment {
  int64_t id = 0;
  int64_t order_id = 0;
  std::string number;
  std::string status = "not_shipped";
  std::string tracking_code;
  bool do_notify_shipped = false, do_notify_tracking_code = false, do_notify_ready_for_pickup = false;
  Instant created_at, updated_at;
};

// An e-mail the shop sends the customer because of a shipment write (not an API resource;
// for tests and expectations): "shipped" (doNotifyShipped, with the tracking code when
// doNotifyTrackingCode) or "ready_for_pickup" (doNotifyReadyForPickup on a pickup order).
struct CustomerNotice {
  int64_t order_id = 0, shipment_id = 0;
  std::string kind;
  std::string tracking_code;
  Instant at;
};

struct Webhook {
  int64_t id = 0;
  bool is_active = true;
  std::string item_group, item_action;  // e.g. "orders", "updated" or "*"
  std::string format = "json";
  std::string address;
  std::string language;
  Instant created_at, updated_at;
  // Not shown by the API: what deliveries are signed with (X-Signature), the secret of the
  // app or API key that created the webhook.
  std::string signing_secret;
};

}  // namespace lpsync::fakes::lightspeed
