#include "engine/client/picqer_json.h"

namespace lpsync::pq {
namespace {

// Picqer writes "YYYY-MM-DD HH:MM:SS"; an ISO-8601 time with a zone is read too. Anything else
// (absent, null, unreadable) is nullopt: the caller counts the delay from when it first saw it.
std::optional<Instant> read_time_leniently(const json::Reader& r, std::string_view key) {
  auto field = r.find(key);
  if (!field || !field->raw().is_string()) return std::nullopt;
  std::string text = field->as_string_loose();
  if (auto t = parse_sql_datetime(text)) return t;
  return parse_iso8601(text);
}

// Lenient: `type` "unlimited_stock", or the deprecated `unlimitedstock` as true, 1 or "true"/"1".
bool read_unlimited(const json::Reader& r) {
  if (auto type = r.find("type"); type && type->raw().is_string() && type->raw().get_string() == "unlimited_stock") {
    return true;
  }
  auto flag = r.find("unlimitedstock");
  if (!flag) return false;
  const auto& v = flag->raw();
  if (v.is_bool()) return v.get_bool();
  if (v.is_int64()) return v.get_int64() != 0;
  if (v.is_uint64()) return v.get_uint64() != 0;
  if (v.is_string()) return v.get_string() == "true" || v.get_string() == "1";
  return false;
}

}  // namespace

Warehouse read_warehouse(const json::Reader& r) {
  return Warehouse{r.int_at("idwarehouse"), r.text_or_empty("name"), r.flag_or("active", true),
                   r.flag_or("counts_for_general_stock", true), r.flag_or("accept_orders", true)};
}

Product read_product(const json::Reader& r) {
  Product p;
  p.id = r.int_at("idproduct");
  p.productcode = r.field("productcode").as_string_loose();
  p.name = r.text_or_empty("name");
  if (auto price = r.find("price")) p.price = price->as_number_loose();
  p.barcode = r.text_or_empty("barcode");
  p.active = r.flag_or("active", true);
  p.unlimited = read_unlimited(r);
  return p;
}

StockRow read_product_stock(const json::Reader& r, int64_t idproduct) {
  return StockRow{r.int_at("idwarehouse"), idproduct, "", r.int_or_zero("stock"), r.int_or_zero("reserved"),
                  r.field("freestock").as_int_loose()};
}

StockRow read_warehouse_stock(const json::Reader& r, int64_t idwarehouse) {
  // Lenient: a row without idproduct keeps its productcode (idproduct 0; the caller resolves it).
  StockRow row{idwarehouse, r.int_or_zero("idproduct"), r.text_or_empty("productcode"), r.int_or_zero("stock"),
               r.int_or_zero("reserved"), 0};
  row.freestock = r.has("freestock") ? r.field("freestock").as_int_loose() : row.stock - row.reserved;
  return row;
}

Order read_order(const json::Reader& r) {
  Order o;
  o.id = r.int_at("idorder");
  o.orderid = r.text_or_empty("orderid");
  o.reference = r.text_or_empty("reference");
  o.status = r.string_at("status");
  if (auto products = r.find("products")) {
    for (const auto& p : products->items()) {
      OrderLine l;
      l.idproduct = p.int_or_zero("idproduct");
      l.productcode = p.text_or_empty("productcode");
      l.amount = p.int_or_zero("amount");
      if (auto price = p.find("price")) l.price = price->as_number_loose();
      o.products.push_back(l);
    }
  }
  return o;
}

Picklist read_picklist(const json::Reader& r) {
  return Picklist{r.int_at("idpicklist"), r.int_or_zero("idorder"), r.text_or_empty("status")};
}

Shipment read_shipment(const json::Reader& r) {
  Shipment s;
  s.id = r.int_at("idshipment");
  s.idpicklist = r.int_or_zero("idpicklist");
  s.idorder = r.int_or_zero("idorder");
  if (auto parcels = r.find("parcels"); parcels && parcels->is_array() && parcels->size() > 0) {
    s.trackingcode = parcels->at(0).text_or_empty("tracking_code");
    s.tracktraceurl = parcels->at(0).text_or_empty("tracking_url");
  }
  if (s.trackingcode.empty()) s.trackingcode = r.text_or_empty("trackingcode");
  if (s.tracktraceurl.empty()) s.tracktraceurl = r.text_or_empty("tracktraceurl");
  if (s.tracktraceurl.empty()) s.tracktraceurl = r.text_or_empty("trackingurl");
  for (const char* key : {"carrier_key", "public_providername", "provider"}) {
    if (s.carrier.empty()) s.carrier = r.text_or_empty(key);
  }
  s.cancelled = r.flag_or("cancelled", false);
  s.created = read_time_leniently(r, "created");
  return s;
}

Hook read_hook(const json::Reader& r) {
  return Hook{r.int_at("idhook"), r.text_or_empty("name"), r.text_or_empty("event"), r.text_or_empty("address"), r.flag_or("active", true)};
}

VatGroup read_vatgroup(const json::Reader& r) {
  VatGroup v;
  v.id = r.int_at("idvatgroup");
  v.name = r.text_or_empty("name");
  if (auto p = r.find("percentage")) v.percentage = p->as_number_loose();
  return v;
}

}  // namespace lpsync::pq
