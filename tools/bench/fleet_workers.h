// The fleet bench's runs of real `lpsync worker` processes (this binary) against a FakeFleet on
// loopback HTTP and a PostgreSQL server, on the wall clock:
//  - memory: one worker (8 threads, as deployed) running the engines of `connections` typical
//    shops, its resident set before it held any and once every engine had run a while;
//  - failover: two workers, the one holding the connections killed with SIGKILL, and the time
//    until the other holds every one of them and has started its engine.
#pragma once

#include <cstdint>
#include <string>

#include "engine/env/time.h"
#include "tools/bench/typical_shop.h"

namespace lpsync::bench {

struct LiveRun {
  int connections = 0;
  int64_t started = 0;          // engines the worker logged as started
  int64_t engine_failures = 0;  // engine_stopped lines
  double start_seconds = 0;     // from adding the connections until every engine started
  double settle_seconds = 0;    // then running this long before the figures are read
  int64_t idle_rss_kb = 0;      // the worker holding no connection
  int64_t rss_kb = 0;           // after the settle
  double settle_cpu_seconds = 0;  // the worker's CPU during the settle
  int64_t orders_imported = 0;  // each shop's one order placed before the start
  std::string error;
  double kb_per_connection() const {
    return connections > 0 ? static_cast<double>(rss_kb - idle_rss_kb) / connections : 0;
  }
};

// `database_url`: an empty, migrated database; `logs`: a directory for the worker's log.
LiveRun run_live_worker(const std::string& database_url, int connections, const TypicalLoad& load,
                        double settle_seconds, const std::string& logs);

struct FailoverRun {
  int connections = 0;
  int64_t moved = 0;  // connections the killed worker held
  double seconds = 0;  // from the kill until the other worker leases all of them and runs their engines
  Duration lease_period, longest_request;
  std::string error;
};

FailoverRun run_failover(const std::string& database_url, int connections, Duration lease_period,
                         Duration longest_request, const std::string& logs);

}  // namespace lpsync::bench
