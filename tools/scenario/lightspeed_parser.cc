#include "tools/scenario/lightspeed_parser.h"

#include <cstdio>

namespace lpsync::scenario {
namespace {

void read_string(const Reader& r, std::string_view key, std::optional<std::string>& out) {
  if (auto v = r.find(key)) out = v->as_string();
}

void read_bool(const Reader& r, std::string_view key, std::optional<bool>& out) {
  if (auto v = r.find(key)) out = v->as_bool();
}

AddressPatch read_address(const Reader& r) {
  check_keys(r, {"name", "street", "number", "zipcode", "city", "country"});
  AddressPatch a;
  read_string(r, "name", a.name);
  read_string(r, "street", a.street);
  read_string(r, "number", a.number);
  read_string(r, "zipcode", a.zipcode);
  read_string(r, "city", a.city);
  read_string(r, "country", a.country);
  return a;
}

OrderLine read_line(const Reader& r) {
  check_keys(r, {"variant", "quantity", "priceIncl"});
  OrderLine line;
  if (auto v = r.find("variant"); v && !v->is_false()) {
    if (!v->raw().is_number()) v->fail("expected a variant id or false (a line without a variant), got " +
                                       std::string(json::kind_name(v->raw())));
    line.variant = read_id(*v);
  }
  if (auto v = r.find("quantity")) line.quantity = read_int(*v, 1, 1'000'000);
  if (auto v = r.find("priceIncl")) line.price_incl = read_amount(*v);
  return line;
}

std::string default_number(int64_t id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "ORD%05lld", static_cast<long long>(id));
  return buf;
}

}  // namespace

VariantPatch read_variant_patch(const Reader& r) {
  check_keys(r, kVariantKeys);
  VariantPatch p;
  p.id = read_id(required(r, "id"));
  read_string(r, "title", p.title);
  read_string(r, "sku", p.sku);
  read_string(r, "ean", p.ean);
  read_string(r, "articleCode", p.article_code);
  if (auto v = r.find("priceExcl")) p.price_excl = read_amount(*v);
  if (auto v = r.find("priceIncl")) p.price_incl = read_amount(*v);
  if (auto v = r.find("stockLevel")) p.stock_level = read_int(*v, -1'000'000'000, 1'000'000'000);
  if (auto v = r.find("stockTracking")) p.stock_tracking = read_word(*v, kStockTrackings, "stockTracking");
  return p;
}

LightspeedProduct read_lightspeed_product(const Reader& r) {
  check_keys(r, {"id", "title", "images", "variants"});
  LightspeedProduct product;
  product.id = read_id(required(r, "id"));
  if (auto v = r.find("title")) product.title = v->as_string();
  if (auto v = r.find("images")) {
    for (const Reader& image : v->items()) {
      product.images.push_back(image.as_string());
      if (product.images.back().empty()) image.fail("an image needs a file name such as \"front.jpg\"");
    }
  }
  if (auto v = r.find("variants")) {
    for (const Reader& item : v->items()) {
      LightspeedVariant variant;
      VariantPatch patch = read_variant_patch(item);
      variant.id = patch.id;
      apply(patch, variant);
      product.variants.push_back(std::move(variant));
    }
  }
  return product;
}

OrderPatch read_order_patch(const Reader& r, Instant start, Words extra_keys) {
  std::vector<std::string_view> allowed(kOrderKeys.begin(), kOrderKeys.end());
  allowed.insert(allowed.end(), extra_keys.begin(), extra_keys.end());
  check_keys(r, allowed);
  OrderPatch p;
  p.id = read_id(required(r, "id"));
  if (auto v = r.find("number")) {
    p.number = v->raw().is_number() ? std::to_string(read_id(*v)) : v->as_string();
    if (p.number->empty()) v->fail("an order number must not be empty");
  }
  if (auto v = r.find("createdAt")) p.created_at = read_time(*v, start);
  if (auto v = r.find("updatedAt")) p.updated_at = read_time(*v, start);
  if (auto v = r.find("status")) p.status = read_word(*v, kOrderStatuses, "order status");
  if (auto v = r.find("paymentStatus")) p.payment_status = read_word(*v, kPaymentStatuses, "paymentStatus");
  if (auto v = r.find("shipmentStatus")) p.shipment_status = read_word(*v, kShipmentStatuses, "shipmentStatus");
  read_bool(r, "shipmentIsCashOnDelivery", p.shipment_is_cash_on_delivery);
  read_bool(r, "paymentIsPost", p.payment_is_post);
  read_bool(r, "shipmentIsPickup", p.shipment_is_pickup);
  if (auto v = r.find("shipmentMethodId")) p.shipment_method_id = read_id(*v);
  read_string(r, "comment", p.comment);
  read_string(r, "email", p.email);
  read_string(r, "firstname", p.firstname);
  read_string(r, "lastname", p.lastname);
  if (auto v = r.find("address")) p.address = read_address(*v);
  if (auto v = r.find("lines")) {
    p.lines.emplace();
    for (const Reader& item : v->items()) p.lines->push_back(read_line(item));
  }
  return p;
}

LightspeedOrder read_lightspeed_order(const Reader& r, Instant start, Instant now,
                                      std::optional<Instant> updated_default) {
  OrderPatch p = read_order_patch(r, start);
  LightspeedOrder order;
  order.id = p.id;
  order.number = default_number(p.id);
  order.created_at = p.created_at.value_or(now);
  order.updated_at = updated_default.value_or(order.created_at);
  apply(p, order);
  return order;
}

LightspeedState read_lightspeed_state(const Reader& r, Instant start) {
  check_keys(r, {"language", "cluster", "products", "orders"});
  LightspeedState state;
  if (auto v = r.find("language")) state.language = read_word(*v, kShopLanguages, "shop language");
  if (auto v = r.find("cluster")) state.cluster = read_word(*v, kClusters, "cluster");
  if (auto v = r.find("products")) {
    for (const Reader& item : v->items()) state.products.push_back(read_lightspeed_product(item));
  }
  if (auto v = r.find("orders")) {
    for (const Reader& item : v->items()) {
      state.orders.push_back(read_lightspeed_order(item, start, start, std::nullopt));
    }
  }
  return state;
}

}  // namespace lpsync::scenario
