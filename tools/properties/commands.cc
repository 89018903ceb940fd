#include "tools/properties/commands.h"

#include <rapidcheck/state.h>

#include <tuple>

namespace lpsync::properties {
namespace {

using namespace scenario;

template <typename A>
void add(History& h, A action) {
  h.scenario.timeline.push_back({h.now, Action(std::move(action))});
}

}  // namespace

struct PlaceOrder : Command {
  LightspeedOrder order;
  explicit PlaceOrder(const History& h) {
    int n = *rc::gen::inRange(1, 4);
    for (int i = 0; i < n; ++i) {
      OrderLine line;
      if (*rc::gen::weightedElement<bool>({{12, true}, {1, false}})) line.variant = *rc::gen::elementOf(h.variants);
      line.quantity = *rc::gen::inRange(1, 4);
      order.lines.push_back(line);
    }
    order.payment_status = *rc::gen::weightedElement<std::string>({{5, "paid"}, {3, "not_paid"}, {1, "partially_paid"}});
    order.status = order.payment_status == "paid" ? "processing_awaiting_shipment" : "processing_awaiting_payment";
    if (*rc::gen::weightedElement<bool>({{1, true}, {12, false}})) order.status = "on_hold";
    order.shipment_is_cash_on_delivery = *rc::gen::weightedElement<bool>({{1, true}, {5, false}});
    order.payment_is_post = *rc::gen::weightedElement<bool>({{1, true}, {8, false}});
  }
  void apply(History& h) const override {
    LightspeedOrder o = order;
    o.id = h.next_order_id++;
    o.number = "ORD" + std::to_string(o.id);
    o.created_at = o.updated_at = h.now;
    o.email = "c" + std::to_string(o.id) + "@example.com";
    o.firstname = "C";
    o.lastname = std::to_string(o.id);
    o.address = {"C " + std::to_string(o.id), "Dam", "1", "1012 AB", "Amsterdam", "nl"};
    h.payment[o.id] = o.payment_status;
    add(h, CreateLightspeedOrder{o});
  }
  void show(std::ostream& os) const override { os << "PlaceOrder(" << order.lines.size() << " lines, " << order.payment_status << ")"; }
};

struct UpdateOrder : Command {
  int64_t id = 0;
  int change = 0;  // 0 paid, 1 cancelled, 2 on hold, 3 shipped in the shop, 4 back to processing, 5 "new"
  explicit UpdateOrder(const History& h) {
    RC_PRE(!h.payment.empty());
    std::vector<int64_t> ids;
    for (const auto& [order, p] : h.payment) ids.push_back(order);
    id = *rc::gen::elementOf(ids);
    change = *rc::gen::weightedElement<int>({{6, 0}, {2, 1}, {1, 2}, {1, 3}, {1, 4}, {1, 5}});
  }
  void checkPreconditions(const History& h) const override { RC_PRE(h.payment.count(id) > 0); }
  void apply(History& h) const override {
    OrderPatch p;
    p.id = id;
    switch (change) {
      case 0: p.payment_status = "paid", p.status = "processing_awaiting_shipment"; break;
      case 1: p.status = "cancelled", p.payment_status = "cancelled"; break;
      case 2: p.status = "on_hold"; break;
      case 3: p.shipment_status = "shipped", p.status = "completed_shipped"; break;
      case 5: p.status = "new"; break;  // an older SEOshop status: not one that is imported
      default: p.status = "processing_awaiting_shipment"; break;
    }
    if (p.payment_status) h.payment[id] = *p.payment_status;
    add(h, UpdateLightspeedOrder{p});
  }
  void show(std::ostream& os) const override { os << "UpdateOrder(" << id << ", change " << change << ")"; }
};

// A paid order cancelled in the shop after the engine had time to import it (the longest poll
// interval and a little): "After import" then cancels it in Picqer unless something was
// picked. Left to chance (an UpdateOrder after a PassTime on a paid order) this was rare.
struct CancelAfterImport : Command {
  int64_t id = 0;
  explicit CancelAfterImport(const History& h) {
    std::vector<int64_t> paid;
    for (const auto& [order, p] : h.payment) {
      if (p == "paid") paid.push_back(order);
    }
    RC_PRE(!paid.empty());
    id = *rc::gen::elementOf(paid);
  }
  void checkPreconditions(const History& h) const override { RC_PRE(h.payment.count(id) > 0); }
  void apply(History& h) const override {
    h.now += Duration::minutes(16);
    OrderPatch p;
    p.id = id;
    p.status = "cancelled";
    p.payment_status = "cancelled";
    h.payment[id] = "cancelled";
    add(h, UpdateLightspeedOrder{p});
  }
  void show(std::ostream& os) const override { os << "CancelAfterImport(" << id << ")"; }
};

struct FixSku : Command {
  int64_t variant = 0;
  std::string sku;
  explicit FixSku(const History& h) : variant(*rc::gen::elementOf(h.variants)), sku(*rc::gen::elementOf(sku_pool())) {}
  void apply(History& h) const override {
    VariantPatch p;
    p.id = variant;
    p.sku = sku;
    add(h, UpdateLightspeedVariant{p});
  }
  void show(std::ostream& os) const override { os << "FixSku(" << variant << ", \"" << sku << "\")"; }
};

struct SetStock : Command {
  std::string code;
  int64_t warehouse = 1;
  int64_t amount = 0;
  explicit SetStock(const History& h) {
    RC_PRE(!h.picqer_codes.empty());
    code = *rc::gen::elementOf(h.picqer_codes);
    warehouse = h.scenario.picqer.warehouses.size() > 1 ? *rc::gen::inRange<int64_t>(1, 3) : 1;
    amount = *rc::gen::inRange<int64_t>(0, 30);
  }
  void apply(History& h) const override { add(h, SetPicqerStock{code, warehouse, amount}); }
  void show(std::ostream& os) const override { os << "SetStock(" << code << ", " << warehouse << ", " << amount << ")"; }
};

struct ShipOrder : Command {
  int64_t id = 0;
  explicit ShipOrder(const History& h) {
    RC_PRE(!h.payment.empty());
    std::vector<int64_t> ids;
    for (const auto& [order, p] : h.payment) ids.push_back(order);
    id = *rc::gen::elementOf(ids);
  }
  void checkPreconditions(const History& h) const override { RC_PRE(h.payment.count(id) > 0); }
  void apply(History& h) const override {
    add(h, ShipPicqerOrder{"ORD" + std::to_string(id), "3S" + std::to_string(id), "postnl"});
  }
  void show(std::ostream& os) const override { os << "ShipOrder(" << id << ")"; }
};

// The warehouse cancels the order's latest shipment (e.g. within the shipment delay), or
// closes its picklist without shipping yet.
struct CancelShipmentOrPick : Command {
  int64_t id = 0;
  bool pick = false;
  explicit CancelShipmentOrPick(const History& h) {
    RC_PRE(!h.payment.empty());
    std::vector<int64_t> ids;
    for (const auto& [order, p] : h.payment) ids.push_back(order);
    id = *rc::gen::elementOf(ids);
    pick = *rc::gen::arbitrary<bool>();
  }
  void checkPreconditions(const History& h) const override { RC_PRE(h.payment.count(id) > 0); }
  void apply(History& h) const override {
    std::string reference = "ORD" + std::to_string(id);
    if (pick) {
      add(h, PickPicqerOrder{reference});
    } else {
      add(h, CancelPicqerShipment{reference});
    }
  }
  void show(std::ostream& os) const override { os << (pick ? "PickOrder(" : "CancelShipment(") << id << ")"; }
};

struct PassTime : Command {
  Duration d;
  PassTime()
      : d(Duration::seconds(*rc::gen::weightedElement<int64_t>(
            {{4, 30}, {6, 240}, {6, 900}, {4, 3600}, {2, 4 * 3600}, {1, 9 * 3600}}))) {}
  void apply(History& h) const override { h.now += d; }
  void show(std::ostream& os) const override { os << "PassTime(" << format_duration(d) << ")"; }
};

struct ChangeSettings : Command {
  scenario::SettingsPatch patch;
  explicit ChangeSettings(const History& h) {
    switch (*rc::gen::inRange(0, 7)) {
      case 0: patch.read_only = !h.settings.read_only; break;
      case 1: patch.send_stock = !h.settings.send_stock; break;
      case 2: patch.send_shipments = !h.settings.send_shipments; break;
      case 3: patch.active = !h.settings.active; break;
      case 4: patch.import_orders = !h.settings.import_orders; break;
      case 5: patch.import_products = !h.settings.import_products; break;
      default:
        patch.order_filter = *rc::gen::element(OrderFilter::paid, OrderFilter::all, OrderFilter::eligible_to_ship);
    }
  }
  void apply(History& h) const override {
    scenario::apply(patch, h.settings);
    add(h, scenario::ChangeSettings{patch});
  }
  void show(std::ostream& os) const override {
    os << "ChangeSettings(";
    for (auto k : given_keys(patch)) os << k << " ";
    os << ")";
  }
};

struct CrashEngine : Command {
  void checkPreconditions(const History& h) const override { RC_PRE(h.engine_events < 4); }
  void apply(History& h) const override {
    ++h.engine_events;
    add(h, Crash{});
  }
  void show(std::ostream& os) const override { os << "Crash"; }
};

struct EngineDown : Command {
  Duration d = Duration::minutes(*rc::gen::element<int64_t>(5, 45, 180, 12 * 60 + 30, 13 * 60));
  void checkPreconditions(const History& h) const override { RC_PRE(h.engine_events < 4); }
  void apply(History& h) const override {
    ++h.engine_events;
    add(h, GoDown{d});
    h.now += d;  // nothing else happens to the engine while it is down
  }
  void show(std::ostream& os) const override { os << "Down(" << format_duration(d) << ")"; }
};

struct InjectFault : Command {
  scenario::InjectFault fault;
  InjectFault() {
    fault.target = *rc::gen::element(System::lightspeed, System::picqer);
    fault.kind = *rc::gen::element(fakes::FaultKind::http_429, fakes::FaultKind::http_500, fakes::FaultKind::http_503,
                                   fakes::FaultKind::timeout, fakes::FaultKind::reset, fakes::FaultKind::indeterminate,
                                   fakes::FaultKind::webhook_drop, fakes::FaultKind::webhook_duplicate);
    if (*rc::gen::arbitrary<bool>()) {
      fault.count = *rc::gen::inRange<int64_t>(1, 4);
    } else {
      fault.duration = Duration::minutes(*rc::gen::element<int64_t>(5, 20, 60));
    }
    // Writes are where lost answers matter most (adoption after an indeterminate create).
    if (!fakes::is_webhook_fault(fault.kind) && *rc::gen::weightedElement<bool>({{2, true}, {1, false}})) {
      fault.match = fault.target == System::lightspeed
                        ? *rc::gen::element<std::string>("GET /orders", "PUT /variants/*", "PUT /shipments/*",
                                                         "GET /variants")
                        : *rc::gen::element<std::string>("POST /orders", "POST /products", "POST /orders/*/process",
                                                         "GET /products");
    }
  }
  void apply(History& h) const override {
    Instant ends = fault.duration ? h.now + *fault.duration : h.now + Duration::minutes(30);
    if (ends > h.last_fault) h.last_fault = ends;
    add(h, fault);
  }
  void show(std::ostream& os) const override {
    os << "Fault(" << to_string(fault.target) << ", " << to_string(fault.kind) << ", \"" << fault.match << "\")";
  }
};

// The answer to a create or an update is lost after the server applied it: the engine
// must find what it created instead of creating it again.
struct LoseAnswer : Command {
  scenario::InjectFault fault;
  LoseAnswer() {
    fault.kind = fakes::FaultKind::indeterminate;
    fault.count = 1;
    static const std::vector<std::pair<System, std::string>> kWrites = {
        {System::picqer, "POST /orders"},          {System::picqer, "POST /products"}, {System::picqer, "POST /products"},
        {System::picqer, "POST /orders/*/process"}, {System::lightspeed, "PUT /shipments/*"},
        {System::lightspeed, "PUT /variants/*"}};
    std::tie(fault.target, fault.match) = *rc::gen::elementOf(kWrites);
  }
  void apply(History& h) const override {
    if (h.now + Duration::minutes(30) > h.last_fault) h.last_fault = h.now + Duration::minutes(30);
    add(h, fault);
  }
  void show(std::ostream& os) const override { os << "LoseAnswer(" << to_string(fault.target) << ", \"" << fault.match << "\")"; }
};

struct ImportProducts : Command {
  void apply(History& h) const override { add(h, scenario::ImportProducts{}); }
  void show(std::ostream& os) const override { os << "ImportProducts"; }
};

rc::Gen<rc::state::Commands<Command>> gen_commands(const History& start, bool with_faults) {
  if (with_faults) {
    return rc::state::gen::commands(
        start, rc::state::gen::execOneOfWithArgs<PlaceOrder, PlaceOrder, PlaceOrder, UpdateOrder, UpdateOrder, FixSku,
                                                 SetStock, ShipOrder, CancelShipmentOrPick, CancelAfterImport, PassTime, PassTime,
                                                 PassTime, PassTime, ChangeSettings, CrashEngine, EngineDown, InjectFault,
                                                 InjectFault, LoseAnswer, ImportProducts>());
  }
  return rc::state::gen::commands(
      start, rc::state::gen::execOneOfWithArgs<PlaceOrder, PlaceOrder, PlaceOrder, UpdateOrder, UpdateOrder, FixSku,
                                               SetStock, ShipOrder, CancelShipmentOrPick, CancelAfterImport, PassTime,
                                               PassTime, PassTime, PassTime, ChangeSettings, CrashEngine, EngineDown,
                                               ImportProducts>());
}

}  // namespace lpsync::properties
