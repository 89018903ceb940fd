// A connection at the typical load of issue 18's fleet bench: a shop of `products` products
// (one variant each, all stocked in its Picqer account under the same SKUs), and its day:
// `orders` paid orders (1-3 lines) spread over 24 hours, each shipped in Picqer two hours
// later, and `stock_changes` stock counts in Picqer, skewed towards popular products.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/env/random.h"
#include "engine/env/time.h"
#include "fakes/lightspeed/lightspeed_fake.h"
#include "fakes/picqer/picqer_fake.h"

namespace lpsync::bench {

struct TypicalLoad {
  int products = 100;  // assumed: the catalogue sets the size of the hourly reconciliation
  int orders = 50;
  int stock_changes = 500;
  int poll_seconds = 300;  // the engine's default poll interval
};

// Adds the catalogue to the shop and to its Picqer account (which the shop has to itself).
void stock_typical_shop(fakes::lightspeed::LightspeedFake& shop, fakes::picqer::PicqerFake& account, int shop_index,
                        const TypicalLoad& load);

struct ShopEvent {
  enum class Kind { order, stock, ship };
  Instant at;
  Kind kind = Kind::order;
  int n = 0;           // the order's number in the day, or the product of a stock count
  int64_t amount = 0;  // a stock count's new level
};

// The day from `start`, in time order.
std::vector<ShopEvent> typical_day(int shop_index, Instant start, const TypicalLoad& load, Random random);

struct DayTally {
  int64_t orders_placed = 0, stock_set = 0, stock_refused = 0, shipped = 0, ship_skipped = 0;
};

// Applies one event: the customer orders, the warehouse counts or ships.
void apply_event(const ShopEvent& e, fakes::lightspeed::LightspeedFake& shop, fakes::picqer::PicqerFake& account,
                 int shop_index, const TypicalLoad& load, DayTally& tally);

}  // namespace lpsync::bench
