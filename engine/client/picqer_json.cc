#include "engine/client/picqer_json.h"

namespace lpsync::pq {
namespace {

std::string text(const json::Reader& r, std::string_view key) {
  auto f = r.find(key);
  return f ? f->as_string_loose() : "";
}

int64_t integer(const json::Reader& r, std::string_view key) {
  auto f = r.find(key);
  return f ? f->as_int_loose() : 0;
}

bool flag(const json::Reader& r, std::string_view key, bool fallback) {
  auto f = r.find(key);
  if (!f) return fallback;
  if (f->raw().is_bool()) return f->as_bool();
  return f->as_int_loose() != 0;
}

}  // namespace

Warehouse read_warehouse(const json::Reader& r) {
  return Warehouse{r.int_at("idwarehouse"), text(r, "name"), flag(r, "active", true),
                   flag(r, "counts_for_general_stock", true), flag(r, "accept_orders", true)};
}

Product read_product(const json::Reader& r) {
  Product p;
  p.id = r.int_at("idproduct");
  p.productcode = r.field("productcode").as_string_loose();
  p.name = text(r, "name");
  if (auto price = r.find("price")) p.price = price->as_number_loose();
  p.barcode = text(r, "barcode");
  p.active = flag(r, "active", true);
  return p;
}

StockRow read_product_stock(const json::Reader& r, int64_t idproduct) {
  return StockRow{r.int_at("idwarehouse"), idproduct, "", integer(r, "stock"), integer(r, "reserved"),
                  r.field("freestock").as_int_loose()};
}

StockRow read_warehouse_stock(const json::Reader& r, int64_t idwarehouse) {
  return StockRow{idwarehouse,           r.int_at("idproduct"), text(r, "productcode"), integer(r, "stock"),
                  integer(r, "reserved"), r.field("freestock").as_int_loose()};
}

Order read_order(const json::Reader& r) {
  Order o;
  o.id = r.int_at("idorder");
  o.orderid = text(r, "orderid");
  o.reference = text(r, "reference");
  o.status = r.string_at("status");
  if (auto products = r.find("products")) {
    for (const auto& p : products->items()) {
      OrderLine l;
      l.idproduct = integer(p, "idproduct");
      l.productcode = text(p, "productcode");
      l.amount = integer(p, "amount");
      if (auto price = p.find("price")) l.price = price->as_number_loose();
      o.products.push_back(l);
    }
  }
  return o;
}

Picklist read_picklist(const json::Reader& r) {
  return Picklist{r.int_at("idpicklist"), integer(r, "idorder"), text(r, "status")};
}

Shipment read_shipment(const json::Reader& r) {
  Shipment s;
  s.id = r.int_at("idshipment");
  s.idpicklist = integer(r, "idpicklist");
  s.idorder = integer(r, "idorder");
  if (auto parcels = r.find("parcels"); parcels && parcels->is_array() && parcels->size() > 0) {
    s.trackingcode = text(parcels->at(0), "tracking_code");
    s.tracktraceurl = text(parcels->at(0), "tracking_url");
  }
  if (s.trackingcode.empty()) s.trackingcode = text(r, "trackingcode");
  if (s.tracktraceurl.empty()) s.tracktraceurl = text(r, "tracktraceurl");
  if (s.tracktraceurl.empty()) s.tracktraceurl = text(r, "trackingurl");
  for (const char* key : {"carrier_key", "public_providername", "provider"}) {
    if (s.carrier.empty()) s.carrier = text(r, key);
  }
  s.cancelled = flag(r, "cancelled", false);
  return s;
}

Hook read_hook(const json::Reader& r) {
  return Hook{r.int_at("idhook"), text(r, "name"), text(r, "event"), text(r, "address"), flag(r, "active", true)};
}

VatGroup read_vatgroup(const json::Reader& r) {
  VatGroup v;
  v.id = r.int_at("idvatgroup");
  v.name = text(r, "name");
  if (auto p = r.find("percentage")) v.percentage = p->as_number_loose();
  return v;
}

}  // namespace lpsync::pq
