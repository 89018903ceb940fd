// Stock per product and warehouse, warehouses, vat groups.
#include "fakes/picqer/api.h"
#include "fakes/picqer/render.h"

namespace lpsync::fakes::picqer {
namespace {

StockChange read_change(const json::Reader& r) {
  if (!r.is_object()) r.fail("expected an object");
  StockChange c;
  c.amount = opt_int(r, "amount");
  c.change = opt_int(r, "change");
  if (auto reason = opt_string(r, "reason")) c.reason = *reason;
  // Locations are not modelled: only "no specific location" (null or absent) exists.
  if (auto loc = r.find("idlocation")) loc->fail("unknown location (this account has no locations; use null)");
  return c;
}

}  // namespace

// GET /products/{id}/stock, GET|POST /products/{id}/stock/{idwarehouse}
Response route_stock(Account& account, const ApiCall& call) {
  const auto& s = call.segments;
  int64_t idproduct = *parse_id(s[1]);
  const Product* p = account.product(idproduct);
  if (!p) return error(not_found("Product " + std::to_string(idproduct)));
  if (s.size() == 3 && call.method == "GET") {
    boost::json::array rows;
    for (const auto& [id, w] : account.warehouses()) rows.emplace_back(render_stock(id, p->stock_in(id)));
    return json_response(200, std::move(rows));
  }
  if (s.size() != 4) return no_route(call);
  auto idwarehouse = parse_id(s[3]);
  if (!idwarehouse || !account.warehouses().count(*idwarehouse)) return error(not_found("Warehouse " + s[3]));
  if (call.method == "GET") {
    auto row = render_stock(*idwarehouse, p->stock_in(*idwarehouse));
    row["locations"] = boost::json::array{};
    return json_response(200, std::move(row));
  }
  if (call.method == "POST") {
    auto change = read_body<StockChange>(call, read_change);
    if (!change.ok()) return error(change.error());
    auto level = account.change_stock(idproduct, *idwarehouse, change.value());
    return level.ok() ? json_response(200, render_stock(*idwarehouse, level.value())) : error(level.error());
  }
  return no_route(call);
}

// GET /warehouses, /warehouses/{id}, /warehouses/{id}/stock; GET /vatgroups.
Response route_warehouses(Account& account, const ApiCall& call) {
  const auto& s = call.segments;
  if (call.method != "GET") return no_route(call);
  auto offset = page_offset(call.query);
  if (!offset.ok()) return error(offset.error());
  if (s[0] == "vatgroups") {
    if (s.size() != 1) return no_route(call);
    return json_response(200, page(account.config().vatgroups, offset.value(), render_vatgroup));
  }
  if (s.size() == 1) {
    std::vector<Warehouse> all;
    for (const auto& [id, w] : account.warehouses()) all.push_back(w);
    return json_response(200, page(all, offset.value(), render_warehouse));
  }
  auto id = parse_id(s[1]);
  if (!id || !account.warehouses().count(*id)) return error(not_found("Warehouse " + s[1]));
  if (s.size() == 2) return json_response(200, render_warehouse(account.warehouses().at(*id)));
  if (s.size() != 3 || s[2] != "stock") return no_route(call);
  // Quirks: `offset` not honoured (every page is the first), rows without `idproduct`.
  const Quirks& quirks = account.config().quirks;
  size_t from = quirks.has(kPicqerOffsetIgnored) ? 0 : offset.value();
  bool with_ids = !quirks.has(kPicqerRowsWithoutIds);
  // Every product (active or not) with stock or reservations in this warehouse.
  std::vector<const Product*> held;
  for (const auto& [idproduct, p] : account.products()) {
    StockLevel lvl = p.stock_in(*id);
    if (lvl.stock != 0 || lvl.reserved() != 0) held.push_back(&p);
  }
  return json_response(200, page(held, from, [&](const Product* p) {
                         boost::json::object row{{"productcode", p->productcode}};
                         if (with_ids) row["idproduct"] = p->idproduct;
                         for (const auto& kv : render_stock(*id, p->stock_in(*id))) row.emplace(kv.key(), kv.value());
                         return row;
                       }));
}

}  // namespace lpsync::fakes::picqer
