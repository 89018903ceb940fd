// The busy day of the benchmark: a shop of `products` products whose SKUs are all in
// Picqer already (linked on the first poll), `orders` paid orders spread over 24 hours,
// `stock_changes` stock counts in Picqer, the warehouse shipping each order two hours after
// it came in, send_stock and send_shipments on.
#pragma once

#include "tools/scenario/scenario.h"

namespace lpsync::bench {

struct BusyDaySize {
  int products = 5000;
  int orders = 2000;
  int stock_changes = 20000;
};

scenario::Scenario busy_day(const BusyDaySize& size, uint64_t seed = 11);

}  // namespace lpsync::bench
