// `lpsync bench --fleet`: issue 18's figures of a fleet worker. Connections per 2-core worker
// at the typical load (from the engines' CPU per connection-day on the simulated clock and a
// live worker's memory per connection), and the failover time of a killed worker.
#pragma once

#include <ostream>

#include "tools/bench/figures.h"

namespace lpsync::bench {

struct FleetBenchOptions {
  bool quick = false;     // a smoke run: a short settle, 10 connections on leases of 4 s in the failover
  int connections = 1000;  // in the capacity and memory runs
};

inline constexpr int kFullFleetConnections = 1000;
inline constexpr int kQuickFleetConnections = 20;

// Starts a throwaway PostgreSQL, runs the three parts, printing progress to `progress`.
Figures run_fleet_bench(const FleetBenchOptions& options, std::ostream& progress);

}  // namespace lpsync::bench
