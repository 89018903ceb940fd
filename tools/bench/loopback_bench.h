// Issue 21, goal 3: an engine *process* importing a large catalogue over loopback HTTP, its
// peak resident set measured. Two processes: the engine's (loopback_engine.h: HTTP clients on
// cpp-httplib, state in SQLite, as `lpsync run` keeps them), forked before the fakes load the
// shop so its memory is its own; and this one, serving both fakes (the bulk bench's shop,
// bulk_shop.h; the real rate limits) on loopback. They share one simulated time
// (shared_clock.h): the engine moves it, the fakes read it.
#pragma once

#include <cstdint>

#include "tools/bench/loopback_engine.h"

namespace lpsync::bench {

struct LoopbackRun {
  int64_t products = 0;
  LoopbackEngineFigures engine;      // what the engine process reported
  bool engine_reported = false;      // it ended normally and reported
  int64_t created_in_picqer = 0;     // of the shop's products, those in the Picqer fake at the end
  double wall_seconds = 0;           // the whole run, loading the fakes included
  // The import ended and created every product in Picqer.
  bool finished() const { return engine_reported && engine.import_ms >= 0 && created_in_picqer == products; }
  double peak_rss_mb() const { return static_cast<double>(engine.peak_rss_kb) / 1024.0; }
};

// Forks the engine process, then loads `products` products into the fakes and serves them
// until the engine process ends. The calling process should hold little memory: the engine
// process starts as its copy.
LoopbackRun run_loopback_import(int64_t products);

}  // namespace lpsync::bench
