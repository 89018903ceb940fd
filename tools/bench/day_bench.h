// Figures 1 and 3 of the benchmark: a simulated busy day on the fakes (time compression),
// and its API calls per unit of work beside the theoretical minimum for the same work.
#pragma once

#include <cstdint>

#include "engine/core/tuning.h"
#include "tools/bench/busy_day.h"

namespace lpsync::bench {

// Requests of one kind of work (both APIs together).
struct WorkRequests {
  int64_t orders = 0;     // polls, order lines, lookups, creates, processing
  int64_t stock = 0;      // stock reads, pushes, the hourly reconciliation
  int64_t shipments = 0;  // shipment polls, picklists, shop shipments
  int64_t other = 0;      // webhook registration
  int64_t total() const { return orders + stock + shipments + other; }
};

struct DayRun {
  double wall_seconds = 0;
  double simulated_seconds = 0;
  int64_t orders_imported = 0;
  int64_t stock_changes = 0;  // picqer.stock.set events of the day
  int64_t stock_pushes = 0;   // PUT /variants/* that the shop applied
  int64_t shipments_pushed = 0;
  int64_t lightspeed_requests = 0, picqer_requests = 0;
  WorkRequests actual;
  WorkRequests minimum;  // the least the same work needs (minimum.h)
};

DayRun run_busy_day(const BusyDaySize& size, const Tuning& tuning = {});

}  // namespace lpsync::bench
