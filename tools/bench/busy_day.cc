#include "tools/bench/busy_day.h"

#include "engine/env/random.h"

namespace lpsync::bench {

scenario::Scenario busy_day(const BusyDaySize& size, uint64_t seed) {
  using namespace scenario;
  Scenario s;
  s.name = "busy-day";
  s.description = "A busy shop's day for the benchmark.";
  s.seed = seed;
  s.start = *parse_iso8601("2026-11-02T00:00:00Z");
  s.run_until = s.start + Duration::hours(24);
  s.settings.send_stock = true;
  s.settings.send_shipments = true;
  Random r(seed);
  for (int i = 0; i < size.products; ++i) {
    LightspeedProduct p;
    p.id = 1 + i;
    p.title = "Product " + std::to_string(i);
    LightspeedVariant v;
    v.id = 100000 + i;
    v.sku = "SKU-" + std::to_string(i);
    v.price_excl = 10;
    v.price_incl = 12.1;
    v.stock_level = 50;
    p.variants.push_back(v);
    s.lightspeed.products.push_back(p);
    PicqerProduct q;
    q.productcode = v.sku;
    q.name = p.title;
    q.price = 10;
    q.stock = {{1, 50}};
    s.picqer.products.push_back(q);
  }
  Duration day = Duration::hours(24);
  // Orders: evenly spread with a little jitter, 1-3 lines; shipped two hours later.
  for (int i = 0; i < size.orders; ++i) {
    Instant at = s.start + Duration::millis(day.millis() / size.orders * i + r.below(20'000));
    LightspeedOrder o;
    o.id = 10000 + i;
    o.number = "ORD" + std::to_string(o.id);
    o.payment_status = "paid";
    o.email = "c" + std::to_string(i) + "@example.com";
    o.address = {"Customer " + std::to_string(i), "Dam", "1", "1012 AB", "Amsterdam", "nl"};
    int lines = static_cast<int>(r.between(1, 3));
    for (int l = 0; l < lines; ++l) {
      o.lines.push_back({100000 + static_cast<int64_t>(r.below(static_cast<uint64_t>(size.products))), 1, std::nullopt});
    }
    s.timeline.push_back({at, CreateLightspeedOrder{o}});
    Instant ship = at + Duration::hours(2);
    if (ship < s.run_until) s.timeline.push_back({ship, ShipPicqerOrder{o.number, "3S" + std::to_string(o.id), "postnl"}});
  }
  // Stock counts: a skewed product choice (popular products change often).
  for (int i = 0; i < size.stock_changes; ++i) {
    Instant at = s.start + Duration::millis(day.millis() / size.stock_changes * i + r.below(2'000));
    int product = static_cast<int>(r.below(static_cast<uint64_t>(size.products)) * r.below(100) / 100);
    s.timeline.push_back({at, SetPicqerStock{"SKU-" + std::to_string(product), 1, 40 + r.between(0, 60)}});
  }
  return s;
}

}  // namespace lpsync::bench
