// `lpsync bench`: every figure of issue 11, measured in this process and forked children.
#pragma once

#include <ostream>
#include <vector>

#include "tools/bench/busy_day.h"
#include "tools/bench/figures.h"

namespace lpsync::bench {

// The sizes of a quick run (a smoke test in ./test) and of a full one.
struct BenchSizes {
  BusyDaySize day;
  int histories_per_process;
  std::vector<int64_t> bulk_products;  // one bulk-import figure per size
  int64_t memory_products;
  int fake_direct, fake_http;
};
inline const BenchSizes kQuickSizes{{500, 200, 2000}, 4, {1000}, 5000, 2000, 200};
inline const BenchSizes kFullSizes{{5000, 2000, 20000}, 300, {2000, 10000}, 100000, 20000, 2000};

struct BenchOptions {
  bool quick = false;  // small sizes: a smoke run under a minute
  // Only the bulk-import figures, at these sizes (--bulk 100000: about N minutes; see
  // BENCHMARKS.md).
  std::vector<int64_t> bulk_only;
  // Only the engine process importing this many products over loopback HTTP (issue 21 goal
  // 3; loopback_bench.h); 0: not measured. Best alone: the engine process is forked from this
  // one and starts with its memory.
  int64_t loopback_memory = 0;
};

// Runs the benchmarks, printing progress to `progress`.
Figures run_bench(const BenchOptions& options, std::ostream& progress);

}  // namespace lpsync::bench
