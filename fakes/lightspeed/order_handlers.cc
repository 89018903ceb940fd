// orders (+ PUT), orders/{id}/products, shipments (+ PUT).
#include "fakes/lightspeed/handlers.h"
#include "fakes/lightspeed/write_bodies.h"

namespace lpsync::fakes::lightspeed {
namespace {

// An order line with its order's timestamps, so the common filters apply to it.
struct LineRow {
  OrderLine line;
  Instant created_at, updated_at;
};

Response put_order(HandlerContext& ctx, const ApiCall& call, int64_t id) {
  const Order* o = Shop::find(ctx.shop.orders(), id);
  if (!o) return not_found(call, "order", id);
  auto patch = order_patch_from(call.body, ctx.json.order(*o), ctx.config.order_status_writable);
  if (!patch.ok()) return error_response(call, patch.error());
  if (auto e = ctx.shop.update_order(id, patch.value(), Actor::api)) return error_response(call, *e);
  return json_response(200, ctx.json.wrap("order", ctx.json.order(ctx.shop.orders().at(id))));
}

Response put_shipment(HandlerContext& ctx, const ApiCall& call, int64_t id) {
  const Shipment* s = Shop::find(ctx.shop.shipments(), id);
  if (!s) return not_found(call, "shipment", id);
  auto patch = shipment_patch_from(call.body, ctx.json.shipment(*s));
  if (!patch.ok()) return error_response(call, patch.error());
  if (auto e = ctx.shop.update_shipment(id, patch.value(), Actor::api)) {
    return error_response(call, *e);
  }
  return json_response(200, ctx.json.wrap("shipment", ctx.json.shipment(ctx.shop.shipments().at(id))));
}

Response order_products(HandlerContext& ctx, const ApiCall& call, Route& r) {
  const Order* o = Shop::find(ctx.shop.orders(), r.id(0));
  if (!o) return not_found(call, "order", r.id(0));
  std::map<int64_t, LineRow> rows;
  for (const auto& l : o->lines) rows.emplace(l.id, LineRow{l, o->created_at, o->updated_at});
  auto line_json = [&](const LineRow& row) { return ctx.json.order_line(*o, row.line); };
  if (r.is({"orders", "#", "products", "#"})) return one(ctx, call, rows, r.id(1), "orderProduct", line_json);
  bool count = r.is({"orders", "#", "products", "count"});
  return list_or_count(ctx, call, rows, count, "orderProducts", [](const LineRow&) { return true; }, line_json);
}

Response orders(HandlerContext& ctx, const ApiCall& call) {
  auto order_json = [&](const Order& o) { return ctx.json.order(o); };
  Route r(call);
  if (r.is({"orders", "#"})) {
    if (call.method == "PUT") return put_order(ctx, call, r.id(0));
    if (call.method != "GET") return method_not_allowed(call);
    return one(ctx, call, ctx.shop.orders(), r.id(0), "order", order_json);
  }
  bool list = r.is({"orders"}), count = r.is({"orders", "count"});
  if (list || count) {
    if (call.method != "GET") return method_not_allowed(call);
    auto number = query_value(call.query, "number");
    auto keep = [&](const Order& o) { return !number || o.number == *number; };
    auto changed = [&](Instant since) { return ctx.shop.orders_changed_since(since); };
    return list_or_count_changed(ctx, call, ctx.shop.orders(), changed, count, "orders", keep, order_json);
  }
  if (r.is({"orders", "#", "products"}) || r.is({"orders", "#", "products", "count"}) ||
      r.is({"orders", "#", "products", "#"})) {
    if (call.method != "GET") return method_not_allowed(call);
    return order_products(ctx, call, r);
  }
  return unknown_resource(call);
}

Response shipments(HandlerContext& ctx, const ApiCall& call) {
  auto shipment_json = [&](const Shipment& s) { return ctx.json.shipment(s); };
  Route r(call);
  if (r.is({"shipments", "#"})) {
    if (call.method == "PUT") return put_shipment(ctx, call, r.id(0));
    if (call.method != "GET") return method_not_allowed(call);
    return one(ctx, call, ctx.shop.shipments(), r.id(0), "shipment", shipment_json);
  }
  bool list = r.is({"shipments"}), count = r.is({"shipments", "count"});
  if (!list && !count) return unknown_resource(call);
  if (call.method != "GET") return method_not_allowed(call);
  auto filter = id_param(call.query, "order");
  if (!filter.ok()) return error_response(call, filter.error());
  std::optional<int64_t> order = filter.value();
  auto keep = [order](const Shipment& s) { return !order || s.order_id == *order; };
  return list_or_count(ctx, call, ctx.shop.shipments(), count, "shipments", keep, shipment_json);
}

}  // namespace

Response order_request(HandlerContext& ctx, const ApiCall& call) {
  return call.segments.front() == "orders" ? orders(ctx, call) : shipments(ctx, call);
}

}  // namespace lpsync::fakes::lightspeed
