#include "tools/bench/typical_shop.h"

#include <algorithm>

#include "tools/fleet/fleet_shops.h"

namespace lpsync::bench {
namespace {

std::string sku(int shop, int k) { return "T" + std::to_string(shop) + "-" + std::to_string(k); }
int64_t variant_id(int k) { return 100000 + k; }
std::string order_number(int shop, int n) { return "D" + std::to_string(shop) + "-" + std::to_string(n); }

}  // namespace

void stock_typical_shop(fakes::lightspeed::LightspeedFake& shop, fakes::picqer::PicqerFake& account, int shop_index,
                        const TypicalLoad& load) {
  for (int k = 0; k < load.products; ++k) {
    // Fixed ids, so that the day's order lines can name their variants.
    fakes::lightspeed::ProductSpec p = fleet::shop_product(sku(shop_index, k), 50);
    p.id = 1 + k;
    p.variants.front().id = variant_id(k);
    shop.add_product(p);
    auto added = account.add_product(fleet::picqer_product(sku(shop_index, k), 50));
    if (!added.ok()) throw std::runtime_error("the fake Picqer account refused product " + sku(shop_index, k));
  }
}

std::vector<ShopEvent> typical_day(int shop_index, Instant start, const TypicalLoad& load, Random random) {
  (void)shop_index;
  std::vector<ShopEvent> day;
  const int64_t day_ms = Duration::hours(24).millis();
  for (int i = 0; i < load.orders; ++i) {
    Instant at = start + Duration::millis(day_ms / load.orders * i + static_cast<int64_t>(random.below(60'000)));
    day.push_back({at, ShopEvent::Kind::order, i, 0});
    Instant ship = at + Duration::hours(2);
    if (ship < start + Duration::hours(24)) day.push_back({ship, ShopEvent::Kind::ship, i, 0});
  }
  for (int i = 0; i < load.stock_changes; ++i) {
    Instant at = start + Duration::millis(day_ms / load.stock_changes * i + static_cast<int64_t>(random.below(2'000)));
    // Popular products change often: a product drawn below a draw.
    int product = static_cast<int>(random.below(static_cast<uint64_t>(load.products)) * random.below(100) / 100);
    day.push_back({at, ShopEvent::Kind::stock, product, 40 + random.between(0, 60)});
  }
  std::stable_sort(day.begin(), day.end(), [](const ShopEvent& a, const ShopEvent& b) { return a.at < b.at; });
  return day;
}

void apply_event(const ShopEvent& e, fakes::lightspeed::LightspeedFake& shop, fakes::picqer::PicqerFake& account,
                 int shop_index, const TypicalLoad& load, DayTally& tally) {
  switch (e.kind) {
    case ShopEvent::Kind::order: {
      fakes::lightspeed::OrderSpec o;
      o.number = order_number(shop_index, e.n);
      o.payment_status = "paid";
      o.email = "customer@example.com";
      o.firstname = "Typical";
      o.lastname = "Customer";
      o.address = {"Typical Customer", "Dorpsstraat", "1", "1234AB", "Utrecht", "nl"};
      int lines = 1 + e.n % 3;
      for (int l = 0; l < lines; ++l) {
        o.lines.push_back({variant_id((e.n * 7 + l * 13) % load.products), 1, std::nullopt, ""});
      }
      shop.place_order(o);
      ++tally.orders_placed;
      return;
    }
    case ShopEvent::Kind::stock:
      // Picqer refuses a count below what picklists reserve: part of the day, not a mistake.
      ++(account.set_stock(sku(shop_index, e.n), 1, e.amount).ok() ? tally.stock_set : tally.stock_refused);
      return;
    case ShopEvent::Kind::ship:
      // Only an order the engine imported can be shipped.
      ++(account.ship_order(order_number(shop_index, e.n), "3S" + std::to_string(e.n), "postnl").ok() ? tally.shipped
                                                                                                       : tally.ship_skipped);
      return;
  }
}

}  // namespace lpsync::bench
