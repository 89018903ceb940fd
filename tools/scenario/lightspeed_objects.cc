#include "tools/scenario/lightspeed_objects.h"

namespace lpsync::scenario {
namespace {

template <class T>
void put(const std::optional<T>& given, T& target) {
  if (given) target = *given;
}

template <class T>
void diff(const T& base, const T& changed, std::optional<T>& out) {
  if (!(base == changed)) out = changed;
}

}  // namespace

void apply(const VariantPatch& p, LightspeedVariant& v) {
  put(p.title, v.title);
  put(p.sku, v.sku);
  put(p.ean, v.ean);
  put(p.article_code, v.article_code);
  put(p.price_excl, v.price_excl);
  put(p.price_incl, v.price_incl);
  put(p.stock_level, v.stock_level);
  put(p.stock_tracking, v.stock_tracking);
}

void apply(const AddressPatch& p, Address& a) {
  put(p.name, a.name);
  put(p.street, a.street);
  put(p.number, a.number);
  put(p.zipcode, a.zipcode);
  put(p.city, a.city);
  put(p.country, a.country);
}

void apply(const OrderPatch& p, LightspeedOrder& o) {
  put(p.number, o.number);
  put(p.created_at, o.created_at);
  put(p.updated_at, o.updated_at);
  put(p.status, o.status);
  put(p.payment_status, o.payment_status);
  put(p.shipment_status, o.shipment_status);
  put(p.shipment_is_cash_on_delivery, o.shipment_is_cash_on_delivery);
  put(p.payment_is_post, o.payment_is_post);
  put(p.shipment_is_pickup, o.shipment_is_pickup);
  if (p.shipment_method_id) o.shipment_method_id = p.shipment_method_id;
  put(p.comment, o.comment);
  put(p.email, o.email);
  put(p.firstname, o.firstname);
  put(p.lastname, o.lastname);
  if (p.address) apply(*p.address, o.address);
  put(p.lines, o.lines);
}

VariantPatch difference(const LightspeedVariant& b, const LightspeedVariant& c) {
  VariantPatch p;
  p.id = c.id;
  diff(b.title, c.title, p.title);
  diff(b.sku, c.sku, p.sku);
  diff(b.ean, c.ean, p.ean);
  diff(b.article_code, c.article_code, p.article_code);
  diff(b.price_excl, c.price_excl, p.price_excl);
  diff(b.price_incl, c.price_incl, p.price_incl);
  diff(b.stock_level, c.stock_level, p.stock_level);
  diff(b.stock_tracking, c.stock_tracking, p.stock_tracking);
  return p;
}

AddressPatch difference(const Address& b, const Address& c) {
  AddressPatch p;
  diff(b.name, c.name, p.name);
  diff(b.street, c.street, p.street);
  diff(b.number, c.number, p.number);
  diff(b.zipcode, c.zipcode, p.zipcode);
  diff(b.city, c.city, p.city);
  diff(b.country, c.country, p.country);
  return p;
}

OrderPatch difference(const LightspeedOrder& b, const LightspeedOrder& c) {
  OrderPatch p;
  p.id = c.id;
  diff(b.number, c.number, p.number);
  diff(b.created_at, c.created_at, p.created_at);
  diff(b.updated_at, c.updated_at, p.updated_at);
  diff(b.status, c.status, p.status);
  diff(b.payment_status, c.payment_status, p.payment_status);
  diff(b.shipment_status, c.shipment_status, p.shipment_status);
  diff(b.shipment_is_cash_on_delivery, c.shipment_is_cash_on_delivery, p.shipment_is_cash_on_delivery);
  diff(b.payment_is_post, c.payment_is_post, p.payment_is_post);
  diff(b.shipment_is_pickup, c.shipment_is_pickup, p.shipment_is_pickup);
  if (b.shipment_method_id != c.shipment_method_id) p.shipment_method_id = c.shipment_method_id;
  diff(b.comment, c.comment, p.comment);
  diff(b.email, c.email, p.email);
  diff(b.firstname, c.firstname, p.firstname);
  diff(b.lastname, c.lastname, p.lastname);
  if (!(b.address == c.address)) p.address = difference(b.address, c.address);
  diff(b.lines, c.lines, p.lines);
  return p;
}

}  // namespace lpsync::scenario
