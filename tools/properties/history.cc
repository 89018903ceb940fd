#include "tools/properties/history.h"

namespace lpsync::properties {

const std::vector<std::string>& sku_pool() {
  static const std::vector<std::string> kPool = {"A", "B", "C", "D", "E", " A", "B ", "", "  "};
  return kPool;
}

// Quiet time at the end: the hourly reconciliation, plus a poll and the longest backoff.
constexpr Duration kQuiet = Duration::minutes(75);

scenario::Scenario History::finished() const {
  scenario::Scenario s = scenario;
  Instant end = std::max(now, last_fault + Duration::minutes(30)) + kQuiet;
  s.run_until = end;
  return s;
}

void showValue(const History& h, std::ostream& os) {
  const auto& s = h.scenario;
  os << "seed " << s.seed << ", " << s.lightspeed.products.size() << " products (SKUs:";
  for (const auto& p : s.lightspeed.products) {
    for (const auto& v : p.variants) os << " " << v.id << "=\"" << v.sku << "\"";
  }
  os << "), Picqer has:";
  for (const auto& p : s.picqer.products) os << " " << p.productcode << (p.active ? "" : "(inactive)");
  Settings st = s.start_settings();
  os << "; settings: active=" << st.active << " read_only=" << st.read_only << " send_stock=" << st.send_stock
     << " send_shipments=" << st.send_shipments << " import_products=" << st.import_products
     << " filter=" << to_string(st.order_filter) << " poll=" << format_duration(st.poll_interval);
}

namespace {

// 2 to 6 products of 1 to 3 variants, their SKUs drawn from sku_pool().
void gen_products(History& h) {
  scenario::Scenario& s = h.scenario;
  int products = *rc::gen::inRange(2, 6);
  std::set<std::string> codes;
  for (int p = 0; p < products; ++p) {
    scenario::LightspeedProduct product;
    product.id = 100 + p;
    product.title = "Product " + std::to_string(p);
    if (*rc::gen::arbitrary<bool>()) product.images = {"p" + std::to_string(p) + ".jpg"};
    int variants = *rc::gen::inRange(1, 3);
    for (int v = 0; v < variants; ++v) {
      scenario::LightspeedVariant variant;
      variant.id = product.id * 10 + v;
      variant.sku = *rc::gen::elementOf(sku_pool());
      variant.price_excl = 10;
      variant.price_incl = 12.1;
      variant.stock_level = *rc::gen::inRange(0, 12);
      product.variants.push_back(variant);
      h.variants.push_back(variant.id);
      codes.insert(variant.sku);
    }
    s.lightspeed.products.push_back(product);
  }
}

// Orders from before the engine started, some just inside and some just outside the 12-hour
// window.
void gen_old_orders(History& h) {
  scenario::Scenario& s = h.scenario;
  int old_orders = *rc::gen::inRange(0, 4);
  for (int i = 0; i < old_orders; ++i) {
    scenario::LightspeedOrder o;
    o.id = h.next_order_id++;
    o.number = "ORD" + std::to_string(o.id);
    Duration age = Duration::seconds(*rc::gen::element<int64_t>(1800, 6 * 3600, 43199, 43200, 43201, 45000,
                                                                 13 * 3600, 2 * 86400));
    o.created_at = o.updated_at = s.start - age;
    o.payment_status = *rc::gen::element<std::string>("paid", "not_paid");
    o.status = o.payment_status == "paid" ? "processing_awaiting_shipment" : "processing_awaiting_payment";
    o.email = "old" + std::to_string(o.id) + "@example.com";
    o.address = {"Old " + std::to_string(o.id), "Dam", "1", "1012 AB", "Amsterdam", "nl"};
    o.lines.push_back({*rc::gen::elementOf(h.variants), *rc::gen::inRange<int64_t>(1, 3), std::nullopt});
    h.payment[o.id] = o.payment_status;
    s.lightspeed.orders.push_back(o);
  }
}

// Picqer's warehouses and the products the merchant already has there.
void gen_picqer(History& h) {
  scenario::Scenario& s = h.scenario;
  // Warehouse 1 counts; a second one may not.
  if (*rc::gen::arbitrary<bool>()) {
    scenario::PicqerWarehouse second;
    second.idwarehouse = 2;
    second.name = "Second";
    second.counts_for_general_stock = *rc::gen::arbitrary<bool>();
    s.picqer.warehouses.push_back(second);
  }
  // Some SKUs are in Picqer already (trimmed, as a merchant would type them).
  for (const std::string& raw : {std::string("A"), std::string("B"), std::string("C"), std::string("D")}) {
    if (!*rc::gen::weightedElement<bool>({{1, true}, {2, false}})) continue;
    scenario::PicqerProduct p;
    p.productcode = raw;
    p.name = "Picqer " + raw;
    p.active = *rc::gen::weightedElement<bool>({{4, true}, {1, false}});
    p.stock = {{1, *rc::gen::inRange(0, 20)}};
    if (s.picqer.warehouses.size() > 1) p.stock[2] = *rc::gen::inRange(0, 20);
    s.picqer.products.push_back(p);
    h.picqer_codes.push_back(raw);
  }
}

void gen_settings(History& h) {
  scenario::SettingsPatch& st = h.scenario.settings;
  st.active = *rc::gen::weightedElement<bool>({{4, true}, {1, false}});
  st.import_products = *rc::gen::weightedElement<bool>({{4, true}, {1, false}});
  st.order_filter = *rc::gen::element(OrderFilter::paid, OrderFilter::all, OrderFilter::eligible_to_ship);
  st.send_stock = *rc::gen::arbitrary<bool>();
  st.send_shipments = *rc::gen::arbitrary<bool>();
  st.read_only = *rc::gen::weightedElement<bool>({{1, true}, {3, false}});
  st.poll_interval = Duration::seconds(*rc::gen::element<int64_t>(60, 300, 900));
}

}  // namespace

rc::Gen<History> gen_start() {
  return rc::gen::exec([] {
    History h;
    scenario::Scenario& s = h.scenario;
    s.name = "property-counterexample";
    s.description = "A history found by the property tests (tools/properties); replay it to see the failure.";
    s.seed = *rc::gen::inRange<uint64_t>(0, 1u << 30);
    s.start = *parse_iso8601("2026-11-02T08:00:00Z");
    h.now = s.start;
    h.last_fault = s.start;
    gen_products(h);
    gen_old_orders(h);
    gen_picqer(h);
    gen_settings(h);
    h.settings = s.start_settings();
    return h;
  });
}

}  // namespace lpsync::properties
