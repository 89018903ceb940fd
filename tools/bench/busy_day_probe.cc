// Development probe for the benchmark's pieces (lpsync bench prints the figures).
#include <cstdlib>
#include <iostream>
#include <string>

#include "tools/bench/bulk_bench.h"
#include "tools/bench/day_bench.h"

int main(int argc, char** argv) {
  std::string what = argc > 1 ? argv[1] : "day";
  if (what == "bulk" || what == "memory") {
    auto b = lpsync::bench::run_bulk_import(argc > 2 ? std::atoll(argv[2]) : 10000, what == "memory");
    if (what == "memory") std::cout << "engine heap " << b.engine_heap_mb << " MB (engine alone " << b.engine_alone_heap_mb << " MB)\n";
    std::cout << "bulk " << b.products << ": " << b.simulated_seconds << " s simulated, bound " << b.lower_bound_seconds
              << " s, ratio " << b.ratio() << ", LS " << b.lightspeed_requests << " PQ " << b.picqer_requests
              << ", longest order wait " << b.longest_order_wait_seconds << " s over " << b.orders_during_import
              << " orders (longest " << b.longest_wait_order << ", placed " << b.longest_wait_placed_seconds
              << " s after pressing), wall " << b.wall_seconds << " s, finished " << b.finished << "\n";
    std::cout << "others LS " << b.others.lightspeed << " PQ " << b.others.picqer << "\n";
    if (argc > 3) {
      for (size_t m = 0; m < b.per_minute.size() && m < b.simulated_seconds / 60 + 2; ++m) {
        std::cout << m << " " << b.per_minute[m].first << " " << b.per_minute[m].second << "\n";
      }
    }
    return 0;
  }
  lpsync::bench::BusyDaySize size;
  if (argc > 2) size.orders = std::atoi(argv[2]);
  if (argc > 3) size.stock_changes = std::atoi(argv[3]);
  if (argc > 4) size.products = std::atoi(argv[4]);
  lpsync::Tuning tuning;
  if (what == "naive") tuning = {false, false, false};
  auto d = lpsync::bench::run_busy_day(size, tuning);
  std::cout << what << ": wall " << d.wall_seconds << " s, ratio " << d.simulated_seconds / d.wall_seconds
            << ", orders " << d.orders_imported << " pushes " << d.stock_pushes << " shipments " << d.shipments_pushed
            << "\n  actual  o/s/sh/other " << d.actual.orders << "/" << d.actual.stock << "/" << d.actual.shipments << "/"
            << d.actual.other << "\n  minimum o/s/sh " << d.minimum.orders << "/" << d.minimum.stock << "/"
            << d.minimum.shipments << "\n  LS " << d.lightspeed_requests << " PQ " << d.picqer_requests << "\n";
}
