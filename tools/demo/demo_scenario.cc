#include "tools/demo/demo_scenario.h"

#include <cctype>

#include "engine/env/random.h"

namespace lpsync::demo {
namespace {

using namespace scenario;

constexpr const char* kProducts[] = {
    "Linen shirt",  "Wool scarf",    "Canvas tote",    "Ceramic mug",   "Notebook",      "Desk lamp",
    "Soy candle",   "Tea towel",     "Water bottle",   "Cutting board", "Plant pot",     "Throw pillow",
    "Wall clock",   "Photo frame",   "Coasters",       "Espresso cups", "Apron",         "Beanie",
    "Wool socks",   "Umbrella",      "Key ring",       "Pencil case",   "Backpack",      "Sunglasses",
    "Yoga mat",     "Jigsaw puzzle", "Card game",      "Bird feeder",   "Door mat",      "Bath towel",
    "Soap dish",    "Travel mug",    "Lunch box",      "Picnic blanket", "Hammock",      "Lantern",
    "Vase",         "Bookends",      "Chess set",      "Kite",          "Rain poncho",   "Gloves",
    "Slippers",     "Salad bowl",    "Teapot",         "Salad servers", "Oven mitt",     "Serving tray",
    "Storage jar",  "Wine glasses"};
constexpr size_t kProductCount = sizeof(kProducts) / sizeof(kProducts[0]);

bool sized(const std::string& title) {
  return title == "Linen shirt" || title == "Wool socks" || title == "Beanie" || title == "Gloves" ||
         title == "Slippers" || title == "Rain poncho" || title == "Apron" || title == "Bath towel";
}

std::string sku_base(const std::string& title) {
  std::string out;
  for (char c : title) out += c == ' ' ? '-' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

LightspeedProduct product(size_t i, Random& r) {
  LightspeedProduct p;
  p.id = static_cast<int64_t>(100 + i);
  p.title = kProducts[i];
  std::string base = sku_base(p.title);
  p.images = {base + "-front.jpg"};
  if (i % 3 == 0) p.images.push_back(base + "-side.jpg");
  std::vector<std::string> sizes = sized(p.title) ? std::vector<std::string>{"S", "M", "L"} : std::vector<std::string>{""};
  for (size_t k = 0; k < sizes.size(); ++k) {
    LightspeedVariant v;
    v.id = p.id * 10 + static_cast<int64_t>(k + 1);
    v.title = sizes[k].empty() ? "Default" : "Size " + sizes[k];
    v.sku = sizes[k].empty() ? base : base + "-" + sizes[k];
    v.ean = "87123450" + std::to_string(v.id);
    v.price_excl = 4.95 + static_cast<double>(r.below(40));
    v.price_incl = static_cast<double>(static_cast<int64_t>(v.price_excl * 121)) / 100;
    v.stock_level = r.between(4, 30);
    p.variants.push_back(v);
  }
  // The merchant's mistakes: one SKU typed twice, one left empty, one padded with spaces.
  if (p.title == "Tea towel" || p.title == "Oven mitt") p.variants[0].sku = "KITCHEN-TEXTILE";
  if (p.title == "Kite") p.variants[0].sku = "";
  if (p.title == "Salad bowl") p.variants[0].sku = "  " + p.variants[0].sku + " ";
  return p;
}

Address address(size_t n) {
  static constexpr const char* kCities[] = {"Amsterdam", "Utrecht", "Gent", "Rotterdam", "Antwerpen", "Haarlem"};
  Address a;
  a.name = "Customer " + std::to_string(n);
  a.street = "Marktstraat";
  a.number = std::to_string(n % 90 + 1);
  a.zipcode = std::to_string(1000 + n * 7 % 8000) + " AB";
  a.city = kCities[n % 6];
  a.country = n % 6 == 2 || n % 6 == 4 ? "be" : "nl";
  return a;
}

LightspeedOrder order(int64_t id, Instant at, const std::vector<std::pair<int64_t, int64_t>>& lines,
                      const std::string& payment) {
  LightspeedOrder o;
  o.id = id;
  o.number = "ORD" + std::to_string(id);
  o.created_at = o.updated_at = at;
  o.payment_status = payment;
  o.status = payment == "paid" ? "processing_awaiting_shipment" : "processing_awaiting_payment";
  o.email = "customer" + std::to_string(id) + "@example.com";
  o.firstname = "Customer";
  o.lastname = std::to_string(id);
  o.address = address(static_cast<size_t>(id));
  for (const auto& [variant, qty] : lines) o.lines.push_back({variant, qty, std::nullopt});
  return o;
}

template <typename A>
void at(Scenario& s, Instant t, A action) {
  s.timeline.push_back({t, std::move(action)});
}

// The shop's products, and the 12 of them the merchant already entered in Picqer, with their own
// stock counts.
void add_catalogue(Scenario& s, Random& r) {
  for (size_t i = 0; i < kProductCount; ++i) s.lightspeed.products.push_back(product(i, r));
  for (size_t i = 0; i < 12; ++i) {
    const auto& v = s.lightspeed.products[i * 4].variants[0];
    PicqerProduct p;
    p.productcode = v.sku;
    p.name = s.lightspeed.products[i * 4].title;
    p.price = v.price_excl;
    p.stock = {{1, r.between(10, 60)}};
    s.picqer.products.push_back(p);
  }
}

int64_t variant(const Scenario& s, size_t product_index, size_t k = 0) {
  return s.lightspeed.products[product_index].variants[k].id;
}

int64_t any_variant(const Scenario& s, Random& r) {
  size_t i = r.below(kProductCount);
  const auto& p = s.lightspeed.products[i];
  // Orders for the products with a SKU problem are placed on purpose below.
  if (p.title == std::string("Tea towel") || p.title == std::string("Oven mitt") || p.title == std::string("Kite")) i = 3;
  return s.lightspeed.products[i].variants[r.below(s.lightspeed.products[i].variants.size())].id;
}

// Last night's orders: one from three days ago (outside the 12-hour window: never imported, as
// documented), one paid at 22:00 and one still unpaid.
void add_last_night_orders(Scenario& s) {
  s.lightspeed.orders.push_back(order(90, s.start - Duration::days(3), {{variant(s, 5), 1}}, "paid"));
  s.lightspeed.orders.push_back(
      order(101, s.start - Duration::hours(9), {{variant(s, 0, 1), 2}, {variant(s, 3), 1}}, "paid"));
  s.lightspeed.orders.push_back(order(102, s.start - Duration::hours(5), {{variant(s, 8), 1}}, "not_paid"));
}

// An order every 25 minutes from 08:00 to 20:00, a few of them with a problem on purpose.
// Returns the paid ones (to ship later) with when they were placed.
std::vector<std::pair<int64_t, Instant>> add_day_orders(Scenario& s, Random& r) {
  int64_t id = 103;
  std::vector<std::pair<int64_t, Instant>> paid;
  for (Instant t = s.start + Duration::hours(1); t < s.start + Duration::hours(13); t += Duration::minutes(25), ++id) {
    std::vector<std::pair<int64_t, int64_t>> lines;
    int64_t n = r.between(1, 3);
    for (int64_t k = 0; k < n; ++k) lines.push_back({any_variant(s, r), r.between(1, 2)});
    std::string payment = id % 7 == 0 ? "not_paid" : "paid";
    LightspeedOrder o = order(id, t, lines, payment);
    if (id == 106) o.payment_status = "not_paid", o.status = "processing_awaiting_payment";  // paid late, below
    if (id == 110) o.shipment_is_cash_on_delivery = true, o.payment_status = "not_paid";
    if (id == 113) o.lines = {{variant(s, 7), 1, std::nullopt}};   // Tea towel: the duplicated SKU
    if (id == 121) o.lines = {{variant(s, 39), 1, std::nullopt}};  // Kite: no SKU
    if (id == 115) o.payment_status = "not_paid";                  // cancelled by the shop, below
    at(s, t, CreateLightspeedOrder{o});
    if (o.payment_status == "paid" && id != 113 && id != 121 && id != 118) paid.push_back({id, t});
  }
  return paid;
}

// A late payment, a cancellation, the merchant's settings change, the warehouse's shipments and a
// supplier delivery.
void add_day_events(Scenario& s, const std::vector<std::pair<int64_t, Instant>>& paid) {
  UpdateLightspeedOrder late;
  late.changes.id = 106;
  late.changes.payment_status = "paid";
  late.changes.status = "processing_awaiting_shipment";
  at(s, s.start + Duration::hours(6) + Duration::minutes(40), late);
  UpdateLightspeedOrder cancel;
  cancel.changes.id = 115;
  cancel.changes.status = "cancelled";
  cancel.changes.payment_status = "cancelled";
  at(s, s.start + Duration::hours(8), cancel);
  // A paid order cancelled by the customer an hour after it came in, before the warehouse got to
  // it: cancelled in Picqer too (its picklist removed). One cancelled after it was shipped
  // needs a person.
  UpdateLightspeedOrder changed_mind;
  changed_mind.changes.id = 118;
  changed_mind.changes.status = "cancelled";
  at(s, s.start + Duration::hours(9) + Duration::minutes(15), changed_mind);
  UpdateLightspeedOrder too_late;
  too_late.changes.id = 104;
  too_late.changes.status = "cancelled";
  at(s, s.start + Duration::hours(6), too_late);

  // Noon: the merchant checked the first imports and switches on stock and shipments.
  ChangeSettings on;
  on.changes.send_stock = true;
  on.changes.send_shipments = true;
  at(s, s.start + Duration::hours(5), on);

  // The warehouse ships paid orders about three hours after they came in.
  for (const auto& [order_id, placed] : paid) {
    Instant when = placed + Duration::hours(3);
    if (when >= s.run_until) continue;
    at(s, when, ShipPicqerOrder{"ORD" + std::to_string(order_id), "3SDEMO" + std::to_string(order_id * 7919 % 100000), "postnl"});
  }
  ShipPicqerOrder last_night{"ORD101", "3SDEMO00101", "postnl"};
  at(s, s.start + Duration::hours(2), last_night);
  // A supplier delivery in the afternoon.
  for (size_t i : {0u, 4u, 8u}) {
    const auto& p = s.picqer.products[i];
    at(s, s.start + Duration::hours(8), SetPicqerStock{p.productcode, 1, p.stock.at(1) + 24});
  }
}

}  // namespace

Scenario demo_scenario() {
  Scenario s;
  s.name = "demo-day";
  s.description = "A day of a small gift shop, from activation to the next morning.";
  s.seed = 2026;
  s.start = *parse_iso8601("2026-11-02T07:00:00Z");
  s.run_until = s.start + Duration::hours(24);
  s.settings.active = false;  // as after connecting: the merchant activates
  // Every order but a cancelled one goes to Picqer; an unpaid one only holds its stock
  // (allocated, no picklist) until it is paid (rules v2 section 2 step 6).
  s.settings.order_filter = OrderFilter::all;

  Random r(s.seed);
  add_catalogue(s, r);
  add_last_night_orders(s);
  Instant activate = s.start + Duration::minutes(5);
  at(s, activate, Activate{});
  at(s, activate + Duration::minutes(5), ImportProducts{});
  add_day_events(s, add_day_orders(s, r));
  return s;
}

DemoCatalogue demo_catalogue(const Scenario& s) {
  DemoCatalogue c;
  for (const auto& p : s.lightspeed.products) {
    for (const auto& v : p.variants) {
      c.sku_of_variant[v.id] = v.sku;
      c.title_of_variant[v.id] = p.variants.size() > 1 ? p.title + " " + v.title : p.title;
    }
  }
  return c;
}

}  // namespace lpsync::demo
