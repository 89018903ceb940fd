// /picklists (list, get, shipments) and /shipments. Read-only: the warehouse closes picklists
// through the simulator (PicqerFake::ship_order).
#include "fakes/picqer/api.h"
#include "fakes/picqer/render.h"

namespace lpsync::fakes::picqer {

Response route_picklists(Account& account, const ApiCall& call) {
  const auto& s = call.segments;
  if (call.method != "GET") return no_route(call);
  auto offset = page_offset(call.query);
  if (!offset.ok()) return error(offset.error());
  auto picklist_json = [&](const Picklist* pl) { return render_picklist(*pl, *account.order(pl->idorder)); };
  if (s[0] == "shipments") {
    if (s.size() != 1) return no_route(call);
    std::vector<Shipment> all;
    for (const auto& [id, sh] : account.shipments()) all.push_back(sh);
    return json_response(200, page(all, offset.value(), render_shipment));
  }
  if (s.size() == 1) {
    auto idorder = query_int(call.query, "idorder");
    if (!idorder.ok()) return error(idorder.error());
    auto status = query_value(call.query, "status");
    auto picklistid = query_value(call.query, "picklistid");
    std::optional<int64_t> by_order = idorder.value();
    if (account.config().quirks.has(kPicqerFiltersIgnored)) {
      // Quirk: the filters are not documented, so the real API may ignore them.
      by_order.reset();
      status.reset();
      picklistid.reset();
    }
    std::vector<const Picklist*> found;
    for (const auto& [id, pl] : account.picklists()) {
      if (by_order && pl.idorder != *by_order) continue;
      if (status && pl.status != *status) continue;
      if (picklistid && pl.picklistid != *picklistid) continue;
      found.push_back(&pl);
    }
    return json_response(200, page(found, offset.value(), picklist_json));
  }
  auto id = parse_id(s[1]);
  auto it = id ? account.picklists().find(*id) : account.picklists().end();
  if (it == account.picklists().end()) return error(not_found("Picklist " + s[1]));
  if (s.size() == 2) return json_response(200, picklist_json(&it->second));
  if (s.size() == 3 && s[2] == "shipments") {
    boost::json::array out;
    for (const auto& [idshipment, sh] : account.shipments()) {
      if (sh.idpicklist == *id) out.emplace_back(render_shipment(sh));
    }
    return json_response(200, std::move(out));
  }
  return no_route(call);
}

}  // namespace lpsync::fakes::picqer
