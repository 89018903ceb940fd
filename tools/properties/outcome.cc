#include "tools/properties/outcome.h"

#include "tools/sim/world.h"

namespace lpsync::properties {

Outcome run_history(const scenario::Scenario& s, const DurableStore& open) {
  Outcome out;
  scenario::RunOptions options;
  options.keep_trace = true;
  if (open) options.open_store = open;
  options.after_run = [&](sim::World& w) {
    for (const auto& o : w.picqer().orders()) {
      if (!o.via_api) continue;
      PicqerOrderFact f{o.reference, o.created, {}, o.idorder, o.status, std::nullopt};
      for (const auto& l : o.lines) f.productcodes.push_back(l.productcode);
      for (const auto& pl : w.picqer().picklists()) {
        if (pl.idorder != o.idorder || !pl.closed_at) continue;
        if (!f.picked_at || *pl.closed_at < *f.picked_at) f.picked_at = pl.closed_at;
      }
      out.picqer_orders.push_back(f);
    }
    for (const auto& p : w.picqer().products()) out.picqer_products.push_back({p.productcode, p.created, p.via_api});
    std::map<int64_t, std::string> reference;
    for (const auto& o : w.picqer().orders()) reference[o.idorder] = o.reference;
    for (const auto& sh : w.picqer().shipments()) {
      // A cancelled shipment's last change is its cancellation (the fake changes nothing else).
      out.picqer_shipments.push_back({reference[sh.idorder], sh.created,
                                      sh.cancelled ? std::optional<Instant>(sh.updated) : std::nullopt});
    }
    for (const auto& [id, sh] : w.lightspeed().shop().shipments()) {
      auto order = w.lightspeed().shop().orders().find(sh.order_id);
      if (order != w.lightspeed().shop().orders().end()) out.shop_shipment_order[id] = order->second.number;
    }
    for (const auto& [id, v] : w.lightspeed().shop().variants()) out.shop_stock[id] = v.stock_level;
    for (const auto& wh : w.picqer().warehouses()) {
      out.warehouses.push_back({wh.idwarehouse, wh.name, wh.active, wh.counts_for_general_stock, wh.accept_orders});
      for (const auto& p : w.picqer().products()) {
        out.free_stock[{p.productcode, wh.idwarehouse}] = w.picqer().stock(p.productcode, wh.idwarehouse).freestock();
      }
    }
    out.held = w.store().held();
    out.links = w.store().product_links();
    if (Engine* e = w.engine()) {
      out.engine_up = true;
      out.last_poll = e->report().last_order_poll;
      out.engine_settings = e->settings();
      for (const auto& n : e->report().needs_person) out.needs_person.push_back({n.number, n.reason});
    }
    for (const auto& e : w.lightspeed().journal().entries()) {
      if (e.method == "PUT" && fakes::matches_pattern("PUT /shipments/*", e.method, e.path) && e.applied &&
          (e.status == 0 || e.status < 300)) {
        ++out.shipment_writes[std::stoll(e.path.substr(e.path.rfind('/') + 1))];
      }
    }
    for (const auto& [k, n] : w.lightspeed().faults().injected()) out.injected[k] += n;
    for (const auto& [k, n] : w.picqer().faults().injected()) out.injected[k] += n;
    out.lightspeed_journal = w.lightspeed().journal().entries();
    out.picqer_journal = w.picqer().journal().entries();
  };
  out.run = scenario::run_scenario(s, options);
  return out;
}

}  // namespace lpsync::properties
