// /orders: list, create, get, allocate, process, cancel.
#include "fakes/picqer/api.h"
#include "fakes/picqer/render.h"

namespace lpsync::fakes::picqer {
namespace {

OrderInput read_order(const json::Reader& r) {
  if (!r.is_object()) r.fail("expected an object");
  OrderInput in;
  in.via_api = true;
  in.idcustomer = opt_int(r, "idcustomer");
  in.reference = opt_string(r, "reference").value_or("");
  in.idshippingprovider_profile = opt_int(r, "idshippingprovider_profile");
  for (const char* field : kOrderTextFields) {
    if (auto v = opt_string(r, field)) in.text[field] = *v;
  }
  if (auto products = r.find("products")) {
    for (const auto& line : products->items()) {
      if (!line.is_object()) line.fail("expected an object");
      OrderLineInput l;
      l.idproduct = opt_int(line, "idproduct");
      l.productcode = opt_string(line, "productcode");
      l.amount = opt_int(line, "amount");
      l.price = opt_number(line, "price");
      l.remarks = opt_string(line, "remarks").value_or("");
      in.lines.push_back(std::move(l));
    }
  }
  return in;
}

Result<OrderFilter> read_filter(const QueryParams& query) {
  OrderFilter f;
  f.reference = query_value(query, "reference");
  f.status = query_value(query, "status");
  f.orderid = query_value(query, "orderid");
  auto since = query_int(query, "sinceid");
  if (!since.ok()) return since.error();
  auto before = query_int(query, "beforeid");
  if (!before.ok()) return before.error();
  f.sinceid = since.value();
  f.beforeid = before.value();
  return f;
}

Response order_answer(const Account& account, int64_t idorder, int status = 200) {
  return json_response(status, render_order(*account.order(idorder)));
}

}  // namespace

Response route_orders(Account& account, const ApiCall& call) {
  const auto& s = call.segments;
  if (s.size() == 1 && call.method == "GET") {
    auto filter = read_filter(call.query);
    if (!filter.ok()) return error(filter.error());
    auto offset = page_offset(call.query);
    if (!offset.ok()) return error(offset.error());
    return json_response(200, page(account.find_orders(filter.value()), offset.value(),
                                   [](const Order* o) { return render_order(*o); }));
  }
  if (s.size() == 1 && call.method == "POST") {
    auto in = read_body<OrderInput>(call, read_order);
    if (!in.ok()) return error(in.error());
    auto id = account.create_order(in.value());
    return id.ok() ? order_answer(account, id.value(), 201) : error(id.error());
  }
  auto id = parse_id(s.size() >= 2 ? s[1] : "");
  if (!id) return s.size() >= 2 ? error(not_found("Order " + s[1])) : no_route(call);
  if (!account.order(*id)) return error(not_found("Order " + std::to_string(*id)));
  if (s.size() == 2 && call.method == "GET") return order_answer(account, *id);
  if (s.size() == 2 && call.method == "DELETE") {
    auto force = query_value(call.query, "force");
    auto done = account.cancel_order(*id, force && *force != "false" && *force != "0");
    return done.ok() ? order_answer(account, *id) : error(done.error());
  }
  if (s.size() == 3 && s[2] == "allocate" && call.method == "POST") {
    auto done = account.allocate_order(*id);
    return done.ok() ? order_answer(account, *id) : error(done.error());
  }
  if (s.size() == 3 && s[2] == "process" && call.method == "POST") {
    auto done = account.process_order(*id);
    return done.ok() ? order_answer(account, *id) : error(done.error());
  }
  return no_route(call);
}

}  // namespace lpsync::fakes::picqer
