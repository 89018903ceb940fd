// The Lightspeed side of a scenario: products with variants and images, orders with an
// address and lines, and the partial forms (patches) that timeline updates and expectations
// use. A patch names an id and only the fields it gives; `apply` writes them onto an object.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/env/time.h"

namespace lpsync::scenario {

struct LightspeedVariant {
  int64_t id = 0;
  std::string title, sku, ean, article_code;
  double price_excl = 0, price_incl = 0;
  int64_t stock_level = 0;
  std::string stock_tracking = "enabled";  // disabled | enabled | indicator
  bool operator==(const LightspeedVariant&) const = default;
};

// `lightspeed.variant.update` and the `lightspeed.variants` expectation: id + some fields.
struct VariantPatch {
  int64_t id = 0;
  std::optional<std::string> title, sku, ean, article_code;
  std::optional<double> price_excl, price_incl;
  std::optional<int64_t> stock_level;
  std::optional<std::string> stock_tracking;
  bool operator==(const VariantPatch&) const = default;
};

struct LightspeedProduct {
  int64_t id = 0;
  std::string title;
  std::vector<std::string> images;  // file names; each stands for a small deterministic image
  std::vector<LightspeedVariant> variants;
  bool operator==(const LightspeedProduct&) const = default;
};

struct Address {
  std::string name, street, number, zipcode, city, country;
  bool operator==(const Address&) const = default;
};

struct AddressPatch {
  std::optional<std::string> name, street, number, zipcode, city, country;
  bool operator==(const AddressPatch&) const = default;
};

struct OrderLine {
  std::optional<int64_t> variant;    // nullopt: a line without a variant (`false` in the file)
  int64_t quantity = 1;
  std::optional<double> price_incl;  // nullopt: not given (the runner may take the variant's)
  bool operator==(const OrderLine&) const = default;
};

struct LightspeedOrder {
  int64_t id = 0;
  std::string number;  // the Picqer order's reference
  Instant created_at, updated_at;
  std::string status = "processing_awaiting_shipment";
  std::string payment_status = "not_paid";
  std::string shipment_status = "not_shipped";
  bool shipment_is_cash_on_delivery = false;
  bool payment_is_post = false;
  bool shipment_is_pickup = false;            // collected in the shop (issue 17)
  std::optional<int64_t> shipment_method_id;  // nullopt: the fake's default method (1)
  std::string comment;                        // the customer's note at checkout
  std::string email, firstname, lastname;
  Address address;
  std::vector<OrderLine> lines;
  bool operator==(const LightspeedOrder&) const = default;
};

// `lightspeed.order.update` and the `lightspeed.orders` expectation: id + some fields.
struct OrderPatch {
  int64_t id = 0;
  std::optional<std::string> number;
  std::optional<Instant> created_at, updated_at;
  std::optional<std::string> status, payment_status, shipment_status;
  std::optional<bool> shipment_is_cash_on_delivery, payment_is_post, shipment_is_pickup;
  std::optional<int64_t> shipment_method_id;
  std::optional<std::string> comment;
  std::optional<std::string> email, firstname, lastname;
  std::optional<AddressPatch> address;
  std::optional<std::vector<OrderLine>> lines;
  bool operator==(const OrderPatch&) const = default;
};

// Writes the fields the patch gives onto `target` (never its id). For an order update the
// runner then sets `updated_at` to the event's time unless the patch gives one.
void apply(const VariantPatch& patch, LightspeedVariant& target);
void apply(const AddressPatch& patch, Address& target);
void apply(const OrderPatch& patch, LightspeedOrder& target);

// The fields of `changed` that differ from `base`, with `changed`'s id:
// apply(difference(b, c), b) == c.
VariantPatch difference(const LightspeedVariant& base, const LightspeedVariant& changed);
AddressPatch difference(const Address& base, const Address& changed);
OrderPatch difference(const LightspeedOrder& base, const LightspeedOrder& changed);

}  // namespace lpsync::scenario
