#include "engine/client/lightspeed_json.h"

namespace lpsync::ls {
namespace {

std::string text(const json::Reader& r, std::string_view key) {
  auto f = r.find(key);
  return f ? f->as_string_loose() : "";
}

bool flag(const json::Reader& r, std::string_view key) {
  auto f = r.find(key);
  if (!f) return false;
  if (f->raw().is_bool()) return f->as_bool();
  return f->as_int_loose() != 0;
}

int64_t integer(const json::Reader& r, std::string_view key) {
  auto f = r.find(key);
  return f ? f->as_int_loose() : 0;
}

double number(const json::Reader& r, std::string_view key) {
  auto f = r.find(key);
  return f ? f->as_number_loose() : 0;
}

std::string country_code(const json::Reader& r, std::string_view key) {
  auto f = r.find(key);
  if (!f || f->is_false()) return "";
  if (f->is_object()) return text(*f, "code");
  return f->as_string_loose();
}

Address address(const json::Reader& r, const std::string& prefix) {
  Address a;
  a.name = text(r, prefix + "Name");
  a.street = text(r, prefix + "Street");
  a.number = text(r, prefix + "Number");
  a.extension = text(r, prefix + "Extension");
  a.zipcode = text(r, prefix + "Zipcode");
  a.city = text(r, prefix + "City");
  a.country = country_code(r, prefix + "Country");
  return a;
}

}  // namespace

Instant read_time(const json::Reader& r) {
  std::string s = r.as_string();
  auto t = parse_iso8601(s);
  if (!t) r.fail("expected an ISO-8601 time, got \"" + s + "\"");
  return *t;
}

std::optional<int64_t> read_resource_id(const json::Reader& r) {
  if (r.is_false() || r.is_null()) return std::nullopt;
  auto resource = r.find("resource");
  if (!resource || resource->is_false()) return std::nullopt;
  auto id = resource->find("id");
  if (!id || id->is_false()) return std::nullopt;
  return id->as_int_loose();
}

Order read_order(const json::Reader& r) {
  Order o;
  o.id = r.int_at("id");
  o.number = r.field("number").as_string_loose();
  o.created_at = read_time(r.field("createdAt"));
  o.updated_at = read_time(r.field("updatedAt"));
  o.status = r.string_at("status");
  o.payment_status = r.string_at("paymentStatus");
  o.shipment_status = r.string_at("shipmentStatus");
  o.shipment_is_cash_on_delivery = flag(r, "shipmentIsCashOnDelivery");
  o.payment_is_post = flag(r, "paymentIsPost");
  o.email = text(r, "email");
  o.firstname = text(r, "firstname");
  o.lastname = text(r, "lastname");
  o.phone = text(r, "phone");
  o.company = text(r, "companyName");
  o.billing = address(r, "addressBilling");
  o.shipping = address(r, "addressShipping");
  return o;
}

OrderLine read_order_line(const json::Reader& r) {
  OrderLine l;
  l.id = r.int_at("id");
  if (auto v = r.find("variant")) l.variant_id = read_resource_id(*v);
  if (auto p = r.find("product")) l.product_id = read_resource_id(*p).value_or(0);
  l.product_title = text(r, "productTitle");
  l.variant_title = text(r, "variantTitle");
  l.sku = text(r, "sku");
  l.ean = text(r, "ean");
  l.article_code = text(r, "articleCode");
  l.quantity = r.field("quantityOrdered").as_int_loose();
  l.price_excl = number(r, "priceExcl");
  l.price_incl = number(r, "priceIncl");
  return l;
}

Variant read_variant(const json::Reader& r) {
  Variant v;
  v.id = r.int_at("id");
  if (auto p = r.find("product")) v.product_id = read_resource_id(*p).value_or(0);
  v.title = text(r, "title");
  v.sku = text(r, "sku");
  v.ean = text(r, "ean");
  v.article_code = text(r, "articleCode");
  v.price_excl = number(r, "priceExcl");
  v.price_incl = number(r, "priceIncl");
  v.stock_level = integer(r, "stockLevel");
  v.stock_tracking = text(r, "stockTracking");
  v.weight = integer(r, "weight");
  if (auto u = r.find("updatedAt")) v.updated_at = read_time(*u);
  return v;
}

Product read_product(const json::Reader& r) { return Product{r.int_at("id"), text(r, "title")}; }

Image read_image(const json::Reader& r) { return Image{r.int_at("id"), integer(r, "sortOrder"), r.string_at("src")}; }

Shipment read_shipment(const json::Reader& r) {
  Shipment s;
  s.id = r.int_at("id");
  if (auto o = r.find("order")) s.order_id = read_resource_id(*o).value_or(0);
  s.status = r.string_at("status");
  s.tracking_code = text(r, "trackingCode");
  return s;
}

Webhook read_webhook(const json::Reader& r) {
  Webhook w;
  w.id = r.int_at("id");
  w.is_active = flag(r, "isActive");
  w.item_group = text(r, "itemGroup");
  w.item_action = text(r, "itemAction");
  w.address = text(r, "address");
  return w;
}

}  // namespace lpsync::ls
