// Figure 4 of the benchmark: the bulk "Import products" of a large catalogue under the real
// rate limits of both APIs, against the lower bound those limits allow for the requests
// the import needs; and how long paid orders placed meanwhile waited for Picqer.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/client/budget.h"

namespace lpsync::bench {

struct BulkRun {
  int64_t products = 0;
  double simulated_seconds = 0;      // from pressing "Import products" to its end
  double lower_bound_seconds = 0;    // what the rate limits allow for the import's requests
  int64_t lightspeed_requests = 0;   // the import's own (bulk priority)
  int64_t picqer_requests = 0;
  double longest_order_wait_seconds = 0;  // a paid order placed during the import, until it was in Picqer
  int64_t orders_during_import = 0;
  double wall_seconds = 0;
  bool finished = false;
  // With lean fakes: the heap the engine and its in-memory state held at the end (what
  // destroying them freed).
  double engine_heap_mb = 0;
  double ratio() const { return lower_bound_seconds > 0 ? simulated_seconds / lower_bound_seconds : 0; }
};

// `products` products of one variant and two images each; none in Picqer yet. With
// `lean_fakes` the fakes keep no journal bodies or image bytes (for measuring memory).
BulkRun run_bulk_import(int64_t products, bool lean_fakes = false);

// The least time `requests` requests take under these windows, counted the way the APIs
// count them (a window opens at its first request and resets after its length).
double least_seconds_for(int64_t requests, const std::vector<WindowLimit>& windows);

}  // namespace lpsync::bench
