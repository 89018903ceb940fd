// Capacity of a fleet worker at the typical load (issue 18's `bench --fleet`): the engines of
// `connections` connections, each doing one simulated day at the typical load (typical_shop.h),
// all on one SimClock in this process, their state on a PostgreSQL server through `sessions`
// shared sessions (connection i on session i % sessions, as a worker's loops share them),
// each behind its lease fence, write guard and shared pending as in a worker. The fakes run
// in this process too, routed by API key; their CPU is timed apart (the thread's CPU time
// around every call into them) so that the engines' own CPU can be told from theirs.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "tools/bench/proc_status.h"
#include "tools/bench/typical_shop.h"

namespace lpsync::bench {

// CPU seconds over a stretch of the simulated day.
struct CpuSeconds {
  double process = 0;  // this process (user + system)
  double fakes = 0;    // of that, inside the fakes (requests answered, the day's shop actions)
  double server = 0;   // the PostgreSQL server's processes
  double engines() const { return process - fakes; }
};

// A day is long on a shared machine: the run simulates the first `warmup` hours (the engines
// start, link the catalogue, reconcile) and `measured` hours after them at the steady rate of
// the load, and counts a day as the warm-up as measured plus the other hours at that rate.
struct DaySpan {
  int warmup_hours = 2;  // two: the measured hours then ship orders placed two hours earlier
  int measured_hours = 1;
};

struct FleetDayRun {
  int connections = 0;
  DaySpan span;
  double wall_seconds = 0;
  CpuSeconds warmup, measured;
  // A whole day's CPU, the warm-up as measured and the rest at the measured rate.
  CpuSeconds day() const;
  DayTally tally;               // over the simulated hours
  int64_t orders_imported = 0;  // Picqer orders of the shops
  int64_t stock_pushes = 0, shipments_pushed = 0;  // applied PUTs to the shops
  int64_t lightspeed_requests = 0, picqer_requests = 0;
  int64_t rss_before_kb = 0, rss_after_kb = 0;  // this process, before the engines and at the end
  std::string error;  // "" when the run went to its end
};

// `database_url`: an empty, migrated database; `server_cpu` reads the server's CPU seconds.
// Throws nothing: a failure is in `error`.
FleetDayRun run_fleet_day(const std::string& database_url, int connections, const TypicalLoad& load,
                          const DaySpan& span, const std::function<double()>& server_cpu, int sessions = 8);


}  // namespace lpsync::bench
