#include "engine/client/lightspeed_json.h"

namespace lpsync::ls {
namespace {

std::string country_code(const json::Reader& r, std::string_view key) {
  auto f = r.find(key);
  if (!f || f->is_false()) return "";
  if (f->is_object()) return f->text_or_empty("code");
  return f->as_string_loose();
}

Address address(const json::Reader& r, const std::string& prefix) {
  Address a;
  a.name = r.text_or_empty(prefix + "Name");
  a.street = r.text_or_empty(prefix + "Street");
  a.number = r.text_or_empty(prefix + "Number");
  a.extension = r.text_or_empty(prefix + "Extension");
  a.zipcode = r.text_or_empty(prefix + "Zipcode");
  a.city = r.text_or_empty(prefix + "City");
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
  o.shipment_is_cash_on_delivery = r.flag_or("shipmentIsCashOnDelivery", false);
  o.payment_is_post = r.flag_or("paymentIsPost", false);
  o.email = r.text_or_empty("email");
  o.firstname = r.text_or_empty("firstname");
  o.lastname = r.text_or_empty("lastname");
  o.phone = r.text_or_empty("phone");
  o.company = r.text_or_empty("companyName");
  o.billing = address(r, "addressBilling");
  o.shipping = address(r, "addressShipping");
  return o;
}

OrderLine read_order_line(const json::Reader& r) {
  OrderLine l;
  l.id = r.int_at("id");
  if (auto v = r.find("variant")) l.variant_id = read_resource_id(*v);
  if (auto p = r.find("product")) l.product_id = read_resource_id(*p).value_or(0);
  l.product_title = r.text_or_empty("productTitle");
  l.variant_title = r.text_or_empty("variantTitle");
  l.sku = r.text_or_empty("sku");
  l.ean = r.text_or_empty("ean");
  l.article_code = r.text_or_empty("articleCode");
  l.quantity = r.field("quantityOrdered").as_int_loose();
  if (auto unit = r.find("basePriceExcl"); unit && !unit->is_false()) l.base_price_excl = unit->as_number_loose();
  if (auto unit = r.find("basePriceIncl"); unit && !unit->is_false()) l.base_price_incl = unit->as_number_loose();
  l.price_excl = r.number_or_zero("priceExcl");
  l.price_incl = r.number_or_zero("priceIncl");
  if (auto t = r.find("taxRate"); t && !t->is_false()) l.tax_rate = t->as_number_loose();
  return l;
}

Variant read_variant(const json::Reader& r) {
  Variant v;
  v.id = r.int_at("id");
  if (auto p = r.find("product")) v.product_id = read_resource_id(*p).value_or(0);
  v.title = r.text_or_empty("title");
  v.sku = r.text_or_empty("sku");
  v.ean = r.text_or_empty("ean");
  v.article_code = r.text_or_empty("articleCode");
  v.price_excl = r.number_or_zero("priceExcl");
  v.price_incl = r.number_or_zero("priceIncl");
  v.stock_level = r.int_or_zero("stockLevel");
  v.stock_tracking = r.text_or_empty("stockTracking");
  v.weight = r.rounded_or_zero("weight");
  if (auto u = r.find("updatedAt")) v.updated_at = read_time(*u);
  return v;
}

Product read_product(const json::Reader& r) { return Product{r.int_at("id"), r.text_or_empty("title")}; }

Image read_image(const json::Reader& r) { return Image{r.int_at("id"), r.int_or_zero("sortOrder"), r.string_at("src")}; }

Shipment read_shipment(const json::Reader& r) {
  Shipment s;
  s.id = r.int_at("id");
  if (auto o = r.find("order")) s.order_id = read_resource_id(*o).value_or(0);
  s.status = r.string_at("status");
  s.tracking_code = r.text_or_empty("trackingCode");
  return s;
}

Webhook read_webhook(const json::Reader& r) {
  Webhook w;
  w.id = r.int_at("id");
  w.is_active = r.flag_or("isActive", false);
  w.item_group = r.text_or_empty("itemGroup");
  w.item_action = r.text_or_empty("itemAction");
  w.address = r.text_or_empty("address");
  return w;
}

}  // namespace lpsync::ls
