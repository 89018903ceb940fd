// Lightspeed eCom objects as the engine sees them, after the client has read the API's
// loose JSON (numbers as strings, `false` for empty) into plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/env/time.h"

namespace lpsync::ls {

struct Variant {
  int64_t id = 0;
  int64_t product_id = 0;
  std::string title;
  std::string sku;  // as the shop has it, untrimmed
  std::string ean;
  std::string article_code;
  double price_excl = 0;
  double price_incl = 0;
  int64_t stock_level = 0;
  std::string stock_tracking;  // disabled | enabled | indicator
  int64_t weight = 0;          // grams, rounded (the API may send a decimal)
  Instant updated_at;
  bool operator==(const Variant&) const = default;
};

struct Image {
  int64_t id = 0;
  int64_t sort_order = 0;
  std::string src;
  bool operator==(const Image&) const = default;
};

struct Product {
  int64_t id = 0;
  std::string title;
  bool operator==(const Product&) const = default;
};

struct Address {
  std::string name, street, number, extension, zipcode, city, country;  // country: ISO code
  bool operator==(const Address&) const = default;
};

struct Order {
  int64_t id = 0;
  std::string number;  // "ORD00012": a string in the API
  Instant created_at;
  Instant updated_at;
  std::string status;
  std::string payment_status;
  std::string shipment_status;
  bool shipment_is_cash_on_delivery = false;
  bool shipment_is_pickup = false;
  bool payment_is_post = false;
  std::string email, firstname, lastname, phone, company;
  Address billing, shipping;
  bool operator==(const Order&) const = default;
};

struct OrderLine {
  int64_t id = 0;
  std::optional<int64_t> variant_id;  // absent when the line has no variant (`false`)
  int64_t product_id = 0;
  std::string product_title, variant_title;
  std::string sku, ean, article_code;  // copied onto the line when the order was placed
  int64_t quantity = 0;                // quantityOrdered
  // basePriceExcl/Incl: the price of one unit; nullopt when the API left them out.
  std::optional<double> base_price_excl, base_price_incl;
  double price_excl = 0, price_incl = 0;  // priceExcl/Incl: the line total (quantity x unit)
  std::optional<double> tax_rate;      // taxRate (0.21 for 21 %), when the line has one
  bool operator==(const OrderLine&) const = default;
};

struct Shipment {
  int64_t id = 0;
  int64_t order_id = 0;
  std::string status;  // not_shipped | shipped | ...
  std::string tracking_code;
  bool operator==(const Shipment&) const = default;
};

struct Webhook {
  int64_t id = 0;
  bool is_active = true;
  std::string item_group, item_action, address;
};

}  // namespace lpsync::ls
