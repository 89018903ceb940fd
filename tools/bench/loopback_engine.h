// The engine process of the loopback memory bench (loopback_bench.h): what `lpsync run`
// keeps in memory while it imports products (its HTTP clients on cpp-httplib, its state in
// SQLite), on a simulated clock whose time it publishes to the fakes' process.
#pragma once

#include <cstdint>
#include <string>

#include "engine/env/time.h"
#include "tools/bench/shared_clock.h"

namespace lpsync::bench {

// What the engine process reports; plain figures, written into memory shared with the parent.
struct LoopbackEngineFigures {
  int64_t import_ms = -1;            // simulated, from "Import products" to its end; -1: did not end
  int64_t lightspeed_requests = 0;   // every request the engine sent, whatever its priority
  int64_t picqer_requests = 0;
  int64_t start_rss_kb = 0;          // the process's resident set before the engine was made
  int64_t peak_rss_kb = 0;           // its peak resident set (VmHWM) at the end
  int64_t wall_ms = 0;               // from the engine's start to the import's end
};

struct LoopbackEngineSetup {
  std::string lightspeed_url, picqer_url;  // the fakes' loopback addresses
  std::string state_path;                  // the SQLite file (made anew)
  Instant catalog_written;                 // when the fakes' shop was filled
  Instant until;                           // simulated: give up here
};

// Starts an engine an hour after the catalogue was written, presses "Import products" 10 s
// later and runs the engine's clock until the import ends, publishing the time to `shared`.
LoopbackEngineFigures run_loopback_engine(const LoopbackEngineSetup& setup, SharedMillis& shared);

}  // namespace lpsync::bench
