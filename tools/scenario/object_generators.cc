#include "tools/scenario/object_generators.h"

#include <cmath>

#include "tools/scenario/vocabulary.h"

namespace lpsync::scenario::generate {
namespace {

using rc::gen::element;
using rc::gen::inRange;

Instant time_near(Instant start) {
  return start + Duration::millis(*inRange<int64_t>(-2 * 86'400'000, 3 * 86'400'000));
}

}  // namespace

std::string text() {
  static const std::vector<std::string> pieces = {"a", "Z", "7", " ", "-", "\"", "\\", "/", "\n", "\t",
                                                  "\x01", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80"};
  std::string out;
  for (int n = *inRange(0, 6); n > 0; --n) out += *rc::gen::elementOf(pieces);
  return out;
}

double money() {
  if (*inRange(0, 8) == 0) {
    double d = *rc::gen::arbitrary<double>();
    return std::isfinite(d) ? std::fabs(d) : 0.0;
  }
  return *inRange(0, 100000) / 100.0;
}

VariantPatch variant_patch(int64_t id) {
  VariantPatch p;
  p.id = id;
  p.title = maybe(text());
  p.sku = maybe(text());
  p.ean = maybe(text());
  p.article_code = maybe(text());
  p.price_excl = maybe(money());
  p.price_incl = maybe(money());
  p.stock_level = maybe(*inRange<int64_t>(-5, 500));
  p.stock_tracking = maybe(pick(kStockTrackings));
  return p;
}

LightspeedProduct product(int64_t id, int64_t first_variant) {
  LightspeedProduct p;
  p.id = id;
  p.title = text();
  for (int n = *inRange(0, 3); n > 0; --n) p.images.push_back("img" + std::to_string(n) + ".jpg");
  for (int n = *inRange(0, 4), i = 0; i < n; ++i) {
    LightspeedVariant v;
    v.id = first_variant + i;
    apply(variant_patch(v.id), v);
    p.variants.push_back(v);
  }
  return p;
}

std::vector<OrderLine> lines(const std::vector<int64_t>& variants) {
  std::vector<OrderLine> out;
  for (int n = *inRange(0, 4); n > 0; --n) {
    OrderLine line;
    if (!variants.empty() && *inRange(0, 5) != 0) line.variant = *rc::gen::elementOf(variants);
    else if (*inRange(0, 2) == 0) line.variant = *inRange<int64_t>(1, 1'000'000);  // a variant gone missing
    line.quantity = *inRange<int64_t>(1, 20);
    line.price_incl = maybe(money());
    out.push_back(line);
  }
  return out;
}

OrderPatch order_patch(int64_t id, Instant start, const std::vector<int64_t>& variants) {
  OrderPatch p;
  p.id = id;
  p.created_at = maybe(time_near(start));
  p.updated_at = maybe(time_near(start));
  p.status = maybe(pick(kOrderStatuses));
  p.payment_status = maybe(pick(kPaymentStatuses));
  p.shipment_status = maybe(pick(kShipmentStatuses));
  p.shipment_is_cash_on_delivery = maybe(*rc::gen::arbitrary<bool>());
  p.payment_is_post = maybe(*rc::gen::arbitrary<bool>());
  p.shipment_is_pickup = maybe(*rc::gen::arbitrary<bool>());
  p.shipment_method_id = maybe(*inRange<int64_t>(1, 5000));
  p.comment = maybe(text());
  p.email = maybe(text());
  p.firstname = maybe(text());
  p.lastname = maybe(text());
  if (*rc::gen::arbitrary<bool>()) {
    AddressPatch a;
    a.name = maybe(text());
    a.street = maybe(text());
    a.number = maybe(text());
    a.zipcode = maybe(text());
    a.city = maybe(text());
    a.country = maybe(text());
    p.address = a;
  }
  if (*rc::gen::arbitrary<bool>()) p.lines = lines(variants);
  return p;
}

LightspeedOrder order(int64_t id, Instant start, const std::vector<int64_t>& variants) {
  LightspeedOrder o;
  o.id = id;
  o.number = "ORD" + std::to_string(id);
  o.created_at = o.updated_at = time_near(start);
  apply(order_patch(id, start, variants), o);
  o.number = "ORD" + std::to_string(id);
  return o;
}

std::vector<int64_t> subset(const std::vector<int64_t>& ids) {
  std::vector<int64_t> out;
  for (int64_t id : ids) {
    if (*rc::gen::arbitrary<bool>()) out.push_back(id);
  }
  return out;
}

StockMap stock(const std::vector<int64_t>& warehouses) {
  StockMap out;
  for (int64_t id : subset(warehouses)) out[id] = *inRange<int64_t>(0, 100);
  return out;
}

PicqerProduct picqer_product(const std::string& code, std::optional<int64_t> idproduct,
                             const std::vector<int64_t>& warehouses) {
  PicqerProduct p;
  p.idproduct = idproduct;
  p.productcode = code;
  p.name = *rc::gen::arbitrary<bool>() ? code : text();
  p.price = money();
  p.barcode = text();
  p.active = *inRange(0, 4) != 0;
  p.unlimited_stock = *inRange(0, 8) == 0;
  p.stock = stock(warehouses);
  return p;
}

SettingsPatch settings(const std::vector<int64_t>& warehouses) {
  SettingsPatch p;
  p.active = maybe(*rc::gen::arbitrary<bool>());
  p.import_orders = maybe(*rc::gen::arbitrary<bool>());
  p.import_products = maybe(*rc::gen::arbitrary<bool>());
  p.order_filter = maybe(*element(OrderFilter::paid, OrderFilter::all, OrderFilter::eligible_to_ship));
  p.send_stock = maybe(*rc::gen::arbitrary<bool>());
  p.send_shipments = maybe(*rc::gen::arbitrary<bool>());
  p.read_only = maybe(*rc::gen::arbitrary<bool>());
  p.poll_interval = maybe(Duration::seconds(*inRange<int64_t>(60, 3601)));
  p.stock_warehouses = maybe(subset(warehouses));
  p.process_orders = maybe(*rc::gen::arbitrary<bool>());
  p.shipment_delay = maybe(Duration::seconds(*inRange<int64_t>(0, 3601)));
  if (*rc::gen::arbitrary<bool>()) {
    p.shipping_methods = std::map<std::string, int64_t>{{std::to_string(*inRange<int64_t>(1, 5000)), *inRange<int64_t>(1, 100)}};
  }
  return p;
}

std::vector<PicqerOrderLine> picqer_lines() {
  std::vector<PicqerOrderLine> out;
  for (int n = *inRange(0, 3); n > 0; --n) out.push_back({text(), *inRange<int64_t>(1, 10)});
  return out;
}

InjectFault fault() {
  InjectFault f;
  f.target = *element(System::lightspeed, System::picqer);
  f.kind = *fakes::parse_fault_kind(pick(kFaultKinds));
  if (*rc::gen::arbitrary<bool>()) f.count = *inRange<int64_t>(1, 20);
  else f.duration = Duration::millis(*inRange<int64_t>(1, 86'400'000));
  f.match = fakes::is_webhook_fault(f.kind)
                ? *element<std::string>("", "orders/*", "products.free_stock_changed")
                : *element<std::string>("", "*", "PUT /variants/*", "POST /orders", "/orders*", "GET /orders/*/products");
  return f;
}

}  // namespace lpsync::scenario::generate
