// Figure 4 of the benchmark: the bulk "Import products" of a large catalogue under the real
// rate limits of both APIs, against the lower bound those limits allow for the requests
// the import needs; and how long paid orders placed meanwhile waited for Picqer.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/client/budget.h"

namespace lpsync::bench {

// What a catalogue asks of an import, for the fewest requests it needs.
struct CatalogShape {
  int64_t products = 0, variants = 0;
  int64_t products_with_several_images = 0;  // a product's first image comes with the product
  int64_t images = 0;                        // every image of the products to create
  int64_t picqer_products = 0;               // in the account before the import
  int64_t created = 0, base_stocks = 0;      // products to create; those with stock to set
};

struct RequestCount {
  int64_t lightspeed = 0, picqer = 0;
};

// The fewest requests Import products needs with what the APIs are known to offer
// (BENCHMARKS.md, "The fewest requests"): Lightspeed's count (the progress the rules show),
// every page of variants and of products (250 a page), the image list of each product with
// more than one image, and a read of the changed variants per minute of creates; Picqer's warehouses and VAT groups, every page of its active and
// inactive products (100 a page), and per created product the create, each image and its
// base stock.
RequestCount fewest_import_requests(const CatalogShape& shape);

// The requests paid orders need meanwhile that no plan avoids (see minimum.h): one read of
// the shop's order list per poll; per order its lines (Lightspeed) and the lookup, the create
// and the process call (Picqer).
RequestCount order_requests(int64_t polls, int64_t orders);

struct BulkRun {
  int64_t products = 0;
  double simulated_seconds = 0;      // from pressing "Import products" to its end
  double lower_bound_seconds = 0;    // what the rate limits allow for `fewest` and `orders`
  RequestCount fewest;               // the fewest the import needs
  RequestCount orders;               // the unavoidable requests of the orders placed meanwhile
  int64_t lightspeed_requests = 0;   // the import's own (bulk priority)
  int64_t picqer_requests = 0;
  RequestCount others;               // the rest of the engine's meanwhile (orders first)
  double longest_order_wait_seconds = 0;  // a paid order placed during the import, until it was in Picqer
  int64_t orders_during_import = 0;
  std::string longest_wait_order;          // the order that waited longest
  double longest_wait_placed_seconds = 0;  // when it was placed, from "Import products" on
  double wall_seconds = 0;
  bool finished = false;
  // With lean fakes: the heap the engine and its in-memory state held at the end (what
  // destroying them freed).
  double engine_heap_mb = 0;
  // Of that, the engine alone (what destroying it freed before its state was emptied): what a
  // process keeping its state in SQLite, as `lpsync run` does, holds on its heap for the sync.
  double engine_alone_heap_mb = 0;
  // Requests to Lightspeed and to Picqer per minute from "Import products" on (the probe's).
  std::vector<std::pair<int64_t, int64_t>> per_minute;
  double ratio() const { return lower_bound_seconds > 0 ? simulated_seconds / lower_bound_seconds : 0; }
};

// `products` products of one variant and two images each; none in Picqer yet. With
// `lean_fakes` the fakes keep no journal bodies or image bytes (for measuring memory).
BulkRun run_bulk_import(int64_t products, bool lean_fakes = false);

// The least time `requests` requests take under these windows, counted the way the APIs
// count them (a window opens at its first request and resets after its length).
double least_seconds_for(int64_t requests, const std::vector<WindowLimit>& windows);

}  // namespace lpsync::bench
