#include "tools/scenario/world_setup.h"

namespace lpsync::scenario {
namespace {

namespace lsf = fakes::lightspeed;
namespace pqf = fakes::picqer;

lsf::Address fake_address(const Address& a) {
  lsf::Address out;
  out.name = a.name;
  out.street = a.street;
  out.number = a.number;
  out.zipcode = a.zipcode;
  out.city = a.city;
  if (!a.country.empty()) out.country = a.country;
  return out;
}

lsf::ProductSpec fake_product(const LightspeedProduct& p) {
  lsf::ProductSpec spec;
  spec.id = p.id;
  spec.title = p.title;
  spec.images = p.images;
  for (const auto& v : p.variants) {
    lsf::VariantSpec vs;
    vs.id = v.id;
    vs.title = v.title;
    vs.sku = v.sku;
    vs.ean = v.ean;
    vs.article_code = v.article_code;
    vs.price_excl = v.price_excl;
    vs.price_incl = v.price_incl;
    vs.stock_level = v.stock_level;
    vs.stock_tracking = v.stock_tracking;
    spec.variants.push_back(vs);
  }
  return spec;
}

std::vector<lsf::OrderLineSpec> fake_lines(const std::vector<OrderLine>& lines) {
  std::vector<lsf::OrderLineSpec> out;
  for (const auto& l : lines) {
    lsf::OrderLineSpec line;
    line.variant = l.variant;
    line.quantity = l.quantity;
    line.price_incl = l.price_incl;
    out.push_back(line);
  }
  return out;
}

lsf::OrderSpec fake_order(const LightspeedOrder& o, bool placed_now) {
  lsf::OrderSpec spec;
  spec.id = o.id;
  spec.number = o.number;
  if (!placed_now) {
    spec.created_at = o.created_at;
    spec.updated_at = o.updated_at;
  }
  spec.status = o.status;
  spec.payment_status = o.payment_status;
  spec.shipment_status = o.shipment_status;
  spec.shipment_is_cash_on_delivery = o.shipment_is_cash_on_delivery;
  spec.payment_is_post = o.payment_is_post;
  spec.shipment_is_pickup = o.shipment_is_pickup;
  if (o.shipment_method_id) spec.shipment_method_id = *o.shipment_method_id;
  spec.comment = o.comment;
  spec.email = o.email;
  spec.firstname = o.firstname;
  spec.lastname = o.lastname;
  spec.address = fake_address(o.address);
  spec.lines = fake_lines(o.lines);
  // Initial orders are in the shop already: its stock levels account for them.
  spec.lower_stock = placed_now;
  return spec;
}

pqf::ProductSpec fake_picqer_product(const PicqerProduct& p) {
  pqf::ProductSpec spec;
  spec.idproduct = p.idproduct.value_or(0);
  spec.productcode = p.productcode;
  spec.name = p.name;
  spec.price = p.price;
  spec.active = p.active;
  spec.barcode = p.barcode;
  if (p.unlimited_stock) spec.type = "unlimited_stock";
  spec.stock = p.stock;
  return spec;
}

lsf::OrderPatch fake_order_patch(const OrderPatch& p) {
  lsf::OrderPatch out;
  if (p.lines) out.lines = fake_lines(*p.lines);
  out.status = p.status;
  out.payment_status = p.payment_status;
  out.shipment_status = p.shipment_status;
  out.email = p.email;
  out.firstname = p.firstname;
  out.lastname = p.lastname;
  out.shipment_is_cash_on_delivery = p.shipment_is_cash_on_delivery;
  out.payment_is_post = p.payment_is_post;
  out.shipment_is_pickup = p.shipment_is_pickup;
  out.shipment_method_id = p.shipment_method_id;
  out.comment = p.comment;
  if (p.address) {
    out.address = lsf::Address{};
    Address a;
    apply(*p.address, a);
    out.address = fake_address(a);
  }
  out.at = p.updated_at;
  return out;
}

lsf::VariantPatch fake_variant_patch(const VariantPatch& p) {
  lsf::VariantPatch out;
  out.title = p.title;
  out.sku = p.sku;
  out.ean = p.ean;
  out.article_code = p.article_code;
  out.price_excl = p.price_excl;
  out.price_incl = p.price_incl;
  out.stock_level = p.stock_level;
  out.stock_tracking = p.stock_tracking;
  return out;
}

template <typename F>
void refused_as(std::vector<std::string>& errors, const std::string& what, F&& action) {
  try {
    action();
  } catch (const std::exception& e) {
    errors.push_back(what + ": " + e.what());
  }
}

template <typename R>
void check(std::vector<std::string>& errors, const std::string& what, const R& result) {
  if (!result.ok()) errors.push_back(what + ": " + result.error().message);
}

}  // namespace

void set_up_world(const Scenario& s, sim::World& w, std::vector<std::string>& errors) {
  add_initial_state(s, w.lightspeed(), w.picqer(), errors);
}

void apply_quirks(const std::vector<std::string>& quirks, lsf::LightspeedConfig& lightspeed,
                  pqf::PicqerConfig& picqer) {
  for (const auto& q : quirks) {
    // Each fake reads the names with its own prefix only; both get the whole list.
    lightspeed.quirks.turn_on(q);
    picqer.quirks.turn_on(q);
  }
}

void apply_vatgroups(const PicqerState& state, pqf::PicqerConfig& picqer) {
  if (state.vatgroups.empty()) return;
  picqer.vatgroups.clear();
  for (const auto& g : state.vatgroups) picqer.vatgroups.push_back({g.idvatgroup, g.name, g.percentage});
}

void add_initial_state(const Scenario& s, lsf::LightspeedFake& lightspeed, pqf::PicqerFake& picqer,
                       std::vector<std::string>& errors) {
  for (const auto& p : s.lightspeed.products) {
    refused_as(errors, "lightspeed product " + std::to_string(p.id), [&] { lightspeed.add_product(fake_product(p)); });
  }
  for (const auto& o : s.lightspeed.orders) {
    refused_as(errors, "lightspeed order " + o.number, [&] { lightspeed.place_order(fake_order(o, false)); });
  }
  for (const auto& wh : s.picqer.warehouses) {
    pqf::WarehouseSpec spec;
    spec.idwarehouse = wh.idwarehouse;
    spec.name = wh.name;
    spec.active = wh.active;
    spec.counts_for_general_stock = wh.counts_for_general_stock;
    spec.accept_orders = wh.accept_orders;
    check(errors, "picqer warehouse " + std::to_string(wh.idwarehouse), picqer.add_warehouse(spec));
  }
  for (const auto& p : s.picqer.products) {
    check(errors, "picqer product " + p.productcode, picqer.add_product(fake_picqer_product(p)));
  }
  for (const auto& o : s.picqer.orders) {
    pqf::OrderSpec spec;
    spec.idorder = o.idorder;
    spec.reference = o.reference;
    spec.status = o.status;
    for (const auto& l : o.products) spec.products.push_back({l.productcode, l.amount});
    check(errors, "picqer order " + o.reference, picqer.add_order(spec));
  }
}

namespace {

// What happens in the shop: orders placed and changed, variants changed, products added.
void apply_shop_event(const Event& e, const std::string& what, sim::World& w, std::vector<std::string>& errors) {
  std::visit(
      [&](const auto& a) {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, CreateLightspeedOrder>) {
          refused_as(errors, what, [&] { w.lightspeed().place_order(fake_order(a.order, true)); });
        } else if constexpr (std::is_same_v<A, UpdateLightspeedOrder>) {
          refused_as(errors, what, [&] { w.lightspeed().update_order(a.changes.id, fake_order_patch(a.changes)); });
        } else if constexpr (std::is_same_v<A, UpdateLightspeedVariant>) {
          refused_as(errors, what,
                     [&] { w.lightspeed().update_variant(a.changes.id, fake_variant_patch(a.changes)); });
        } else if constexpr (std::is_same_v<A, CreateLightspeedProduct>) {
          refused_as(errors, what, [&] { w.lightspeed().add_product(fake_product(a.product)); });
        }
      },
      e.action);
}

// What happens in Picqer: stock set, products added, orders picked, shipped and cancelled.
void apply_warehouse_event(const Event& e, const std::string& what, sim::World& w, std::vector<std::string>& errors) {
  std::visit(
      [&](const auto& a) {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, SetPicqerStock>) {
          // Picqer refuses stock below what picklists reserve, which depends on the orders
          // the engine imported: a refusal is part of the run, not a mistake of the file.
          auto set = w.picqer().set_stock(a.productcode, a.idwarehouse, a.amount);
          if (!set.ok()) {
            w.trace().decision(e.at, "stock_set_refused", {{"productcode", a.productcode}, {"why", set.error().message}});
          }
        } else if constexpr (std::is_same_v<A, CreatePicqerProduct>) {
          check(errors, what, w.picqer().add_product(fake_picqer_product(a.product)));
        } else if constexpr (std::is_same_v<A, ShipPicqerOrder>) {
          // The warehouse can only ship what is in Picqer: an order the engine did not
          // import (held, not yet polled) or one still waiting for stock is not shipped.
          auto shipped = w.picqer().ship_order(a.reference, a.trackingcode, a.carrier.value_or(""));
          if (!shipped.ok()) {
            w.trace().decision(e.at, "ship_skipped", {{"reference", a.reference}, {"why", shipped.error().message}});
          }
        } else if constexpr (std::is_same_v<A, CancelPicqerShipment>) {
          // Like shipping: only an order with a live shipment can have one cancelled.
          auto cancelled = w.picqer().cancel_shipment(a.reference);
          if (!cancelled.ok()) {
            w.trace().decision(e.at, "cancel_shipment_skipped", {{"reference", a.reference}, {"why", cancelled.error().message}});
          }
        } else if constexpr (std::is_same_v<A, PickPicqerOrder>) {
          auto picked = w.picqer().pick_order(a.reference);
          if (!picked.ok()) {
            w.trace().decision(e.at, "pick_skipped", {{"reference", a.reference}, {"why", picked.error().message}});
          }
        }
      },
      e.action);
}

// What the merchant and the world do: settings, activation, import, crashes, downtime,
// faults; and a person asking for one order to be imported now.
void apply_world_event(const Event& e, const std::string& what, sim::World& w, std::vector<std::string>& errors) {
  std::visit(
      [&](const auto& a) {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, ImportOrder>) {
          // Nobody to ask while the engine is down: behaviour to observe, not an error.
          std::string why = w.import_order(a.number);
          if (!why.empty()) w.trace().decision(e.at, "import_order_refused", {{"order", a.number}, {"reason", why}});
        } else if constexpr (std::is_same_v<A, ChangeSettings>) {
          Settings s = w.settings();
          apply(a.changes, s);
          w.change_settings(s);
        } else if constexpr (std::is_same_v<A, Activate>) {
          w.activate();
        } else if constexpr (std::is_same_v<A, ImportProducts>) {
          // A refusal (inactive, import_products off) is behaviour to observe, not an error.
          std::string why = w.import_products();
          if (!why.empty()) w.trace().decision(e.at, "import_products_refused", {{"reason", why}});
        } else if constexpr (std::is_same_v<A, Crash>) {
          w.crash();
        } else if constexpr (std::is_same_v<A, GoDown>) {
          w.down(a.duration);
        } else if constexpr (std::is_same_v<A, InjectFault>) {
          fakes::FaultRule rule{a.kind, a.match, std::nullopt, std::nullopt, e.at};
          if (a.count) rule.count = static_cast<int>(*a.count);
          if (a.duration) rule.until = e.at + *a.duration;
          if (a.target == System::lightspeed) {
            w.lightspeed().faults().add(rule);
          } else {
            w.picqer().add_fault(rule);
          }
        }
      },
      e.action);
}

}  // namespace

void apply_event(const Event& e, sim::World& w, std::vector<std::string>& errors) {
  std::string what = std::string(action_name(e.action)) + " at " + format_iso8601(e.at);
  // Each event is of exactly one of the three kinds; the other two ignore it.
  apply_shop_event(e, what, w, errors);
  apply_warehouse_event(e, what, w, errors);
  apply_world_event(e, what, w, errors);
}

}  // namespace lpsync::scenario
