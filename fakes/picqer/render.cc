#include "fakes/picqer/render.h"

#include "engine/env/time.h"

namespace lpsync::fakes::picqer {
namespace bj = boost::json;

namespace {

bj::value text_or_null(const std::string& s) { return s.empty() ? bj::value(nullptr) : bj::value(s); }

bj::value date(Instant t) { return bj::value(format_sql_datetime(t)); }

}  // namespace

bj::object render_stock(int64_t idwarehouse, const StockLevel& level) {
  return bj::object{
      {"idwarehouse", idwarehouse},
      {"stock", level.stock},
      {"reserved", level.reserved()},
      {"reservedbackorders", level.reservedbackorders},
      {"reservedpicklists", level.reservedpicklists},
      {"reservedallocations", level.reservedallocations},
      {"freestock", level.freestock()},
  };
}

bj::object render_product(const Product& p, const std::map<int64_t, Warehouse>& warehouses) {
  bj::array images;
  for (const auto& image : p.images) images.emplace_back(image.url);
  bj::array stock;
  for (const auto& [id, w] : warehouses) stock.emplace_back(render_stock(id, p.stock_in(id)));
  bj::object o{
      {"idproduct", p.idproduct},
      {"idvatgroup", p.idvatgroup},
      {"productcode", p.productcode},
      {"name", p.name},
      {"price", p.price},
      {"fixedstockprice", p.fixedstockprice ? bj::value(*p.fixedstockprice) : bj::value(nullptr)},
      {"idsupplier", nullptr},
      {"productcode_supplier", text_or_null(p.productcode_supplier)},
      {"description", text_or_null(p.description)},
      {"barcode", text_or_null(p.barcode)},
      {"type", p.type},
      {"unlimitedstock", p.type == "unlimited_stock"},
      {"weight", p.weight ? bj::value(*p.weight) : bj::value(nullptr)},
      {"active", p.active},
      {"productfields", bj::array{}},
      {"images", std::move(images)},
      {"stock", std::move(stock)},
      {"created", date(p.created)},
      {"updated", date(p.updated)},
  };
  return o;
}

bj::object render_image(const Image& image, int64_t idproduct) {
  return bj::object{
      {"idproduct_image", image.idproduct_image},
      {"idproduct", idproduct},
      {"url", image.url},
      {"contenttype", image.contenttype},
      {"size", image.size},
  };
}

bj::object render_warehouse(const Warehouse& w) {
  return bj::object{
      {"idwarehouse", w.idwarehouse},
      {"name", w.name},
      {"accept_orders", w.accept_orders},
      {"counts_for_general_stock", w.counts_for_general_stock},
      {"priority", w.priority},
      {"active", w.active},
  };
}

bj::object render_vatgroup(const VatGroup& v) {
  return bj::object{{"idvatgroup", v.idvatgroup}, {"name", v.name}, {"percentage", v.percentage}};
}

bj::object render_order(const Order& o) {
  bj::object out{
      {"idorder", o.idorder},
      {"idcustomer", nullptr},
      {"orderid", o.orderid},
      {"reference", text_or_null(o.reference)},
  };
  for (const char* field : kOrderTextFields) {
    auto it = o.text.find(field);
    out[field] = it == o.text.end() ? bj::value(nullptr) : text_or_null(it->second);
  }
  bj::array lines;
  for (const auto& l : o.lines) {
    lines.emplace_back(bj::object{
        {"idorder_product", l.idorder_product},
        {"idproduct", l.idproduct},
        {"idvatgroup", l.idvatgroup},
        {"productcode", l.productcode},
        {"name", l.name},
        {"remarks", text_or_null(l.remarks)},
        {"price", l.price},
        {"amount", l.amount},
        {"amount_cancelled", 0},
    });
  }
  out["idshippingprovider_profile"] =
      o.idshippingprovider_profile ? bj::value(*o.idshippingprovider_profile) : bj::value(nullptr);
  out["status"] = o.status;
  out["created"] = date(o.created);
  out["updated"] = date(o.updated);
  out["products"] = std::move(lines);
  return out;
}

bj::object render_picklist(const Picklist& pl, const Order& o) {
  int64_t total = 0, picked = 0;
  bj::array lines;
  for (const auto& l : pl.lines) {
    total += l.amount;
    picked += l.amountpicked;
    lines.emplace_back(bj::object{
        {"idpicklist_product", l.idpicklist_product},
        {"idproduct", l.idproduct},
        {"productcode", l.productcode},
        {"name", l.name},
        {"amount", l.amount},
        {"amountpicked", l.amountpicked},
    });
  }
  auto text = [&](const char* field) {
    auto it = o.text.find(field);
    return it == o.text.end() ? bj::value(nullptr) : text_or_null(it->second);
  };
  return bj::object{
      {"idpicklist", pl.idpicklist},
      {"picklistid", pl.picklistid},
      {"idorder", pl.idorder},
      {"idwarehouse", pl.idwarehouse},
      {"reference", text_or_null(o.reference)},
      {"deliveryname", text("deliveryname")},
      {"deliverycountry", text("deliverycountry")},
      {"emailaddress", text("emailaddress")},
      {"status", pl.status},
      {"totalproducts", total},
      {"totalpicked", picked},
      {"closed_at", pl.closed_at ? date(*pl.closed_at) : bj::value(nullptr)},
      {"created", date(pl.created)},
      {"updated", date(pl.updated)},
      {"products", std::move(lines)},
  };
}

bj::object render_shipment(const Shipment& s) {
  // One parcel per shipment (Picqer's API changelog, Dec 2025: shipments carry parcels[]); the
  // top-level tracking fields stay, as older integrations read them.
  bj::object parcel{{"idparcel", s.idshipment}, {"idpackaging", nullptr},        {"weight", nullptr},
                    {"tracking_code", s.trackingcode}, {"tracking_url", s.tracktraceurl}, {"documents", bj::array{}}};
  return bj::object{
      {"idshipment", s.idshipment},
      {"idpicklist", s.idpicklist},
      {"idorder", s.idorder},
      {"provider", s.provider},
      {"providername", s.provider},
      {"public_providername", s.provider},
      {"carrier_key", s.carrier_key},
      {"trackingcode", s.trackingcode},
      {"trackingurl", s.tracktraceurl},
      {"tracktraceurl", s.tracktraceurl},
      {"cancelled", s.cancelled},
      {"parcels", bj::array{std::move(parcel)}},
      {"created", date(s.created)},
      {"updated", date(s.updated)},
  };
}

bj::object render_hook(const Hook& h) {
  return bj::object{
      {"idhook", h.idhook},
      {"name", h.name},
      {"event", h.event},
      {"address", h.address},
      {"secret", !h.secret.empty()},
      {"active", h.active},
  };
}

}  // namespace lpsync::fakes::picqer
