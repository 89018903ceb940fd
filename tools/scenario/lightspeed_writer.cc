#include "tools/scenario/writer_parts.h"

namespace lpsync::scenario {
namespace {

template <class T>
void put(bj::object& o, std::string_view key, const std::optional<T>& v) {
  if (v) o[key] = *v;
}

bj::object address_value(const AddressPatch& a) {
  bj::object o;
  put(o, "name", a.name);
  put(o, "street", a.street);
  put(o, "number", a.number);
  put(o, "zipcode", a.zipcode);
  put(o, "city", a.city);
  put(o, "country", a.country);
  return o;
}

bj::array lines_value(const std::vector<OrderLine>& lines) {
  bj::array out;
  for (const OrderLine& line : lines) {
    bj::object o;
    if (line.variant) o["variant"] = *line.variant;
    else o["variant"] = false;
    o["quantity"] = line.quantity;
    put(o, "priceIncl", line.price_incl);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

bj::value time_value(Instant t, Instant start) {
  Duration d = t - start;
  // Offsets the reader accepts have at most 12 digits; farther times are written absolute.
  if (d.millis() >= 1'000'000'000'000 || d.millis() <= -1'000'000'000'000) return bj::value(format_iso8601(t));
  return bj::value((d < Duration() ? "" : "+") + format_duration(d));
}

bj::object variant_patch_value(const VariantPatch& p) {
  bj::object o;
  o["id"] = p.id;
  put(o, "title", p.title);
  put(o, "sku", p.sku);
  put(o, "ean", p.ean);
  put(o, "articleCode", p.article_code);
  put(o, "priceExcl", p.price_excl);
  put(o, "priceIncl", p.price_incl);
  put(o, "stockLevel", p.stock_level);
  put(o, "stockTracking", p.stock_tracking);
  return o;
}

bj::object order_patch_value(const OrderPatch& p, Instant start) {
  bj::object o;
  o["id"] = p.id;
  put(o, "number", p.number);
  if (p.created_at) o["createdAt"] = time_value(*p.created_at, start);
  if (p.updated_at) o["updatedAt"] = time_value(*p.updated_at, start);
  put(o, "status", p.status);
  put(o, "paymentStatus", p.payment_status);
  put(o, "shipmentStatus", p.shipment_status);
  put(o, "shipmentIsCashOnDelivery", p.shipment_is_cash_on_delivery);
  put(o, "paymentIsPost", p.payment_is_post);
  put(o, "shipmentIsPickup", p.shipment_is_pickup);
  put(o, "shipmentMethodId", p.shipment_method_id);
  put(o, "comment", p.comment);
  put(o, "email", p.email);
  put(o, "firstname", p.firstname);
  put(o, "lastname", p.lastname);
  if (p.address) o["address"] = address_value(*p.address);
  if (p.lines) o["lines"] = lines_value(*p.lines);
  return o;
}

bj::object lightspeed_product_value(const LightspeedProduct& p) {
  bj::object o;
  o["id"] = p.id;
  if (!p.title.empty()) o["title"] = p.title;
  if (!p.images.empty()) {
    bj::array images;
    for (const std::string& image : p.images) images.emplace_back(image);
    o["images"] = std::move(images);
  }
  bj::array variants;
  for (const LightspeedVariant& v : p.variants) {
    VariantPatch changed = difference(LightspeedVariant{}, v);
    changed.sku = v.sku;  // always shown: SKUs are what most scenarios are about
    variants.push_back(variant_patch_value(changed));
  }
  o["variants"] = std::move(variants);
  return o;
}

bj::object lightspeed_order_value(const LightspeedOrder& order, Instant start) {
  OrderPatch p = difference(LightspeedOrder{}, order);
  // Always shown: they have context-dependent defaults or are what the scenario is about.
  p.number = order.number;
  p.created_at = order.created_at;
  p.updated_at = order.updated_at;
  p.status = order.status;
  p.payment_status = order.payment_status;
  p.shipment_status = order.shipment_status;
  p.lines = order.lines;
  if (p.address && *p.address == AddressPatch{}) p.address.reset();
  return order_patch_value(p, start);
}

bj::object lightspeed_state_value(const LightspeedState& s, Instant start) {
  bj::object o;
  if (!s.language.empty()) o["language"] = s.language;
  if (!s.cluster.empty()) o["cluster"] = s.cluster;
  if (!s.products.empty()) {
    bj::array products;
    for (const auto& p : s.products) products.push_back(lightspeed_product_value(p));
    o["products"] = std::move(products);
  }
  if (!s.orders.empty()) {
    bj::array orders;
    for (const auto& order : s.orders) orders.push_back(lightspeed_order_value(order, start));
    o["orders"] = std::move(orders);
  }
  return o;
}

}  // namespace lpsync::scenario
