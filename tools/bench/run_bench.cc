#include "tools/bench/run_bench.h"

#include <rapidcheck.h>

#include "engine/env/clock.h"
#include "engine/env/stopwatch.h"
#include "fakes/lightspeed/bench.h"
#include "fakes/picqer/bench.h"
#include "tools/bench/bulk_bench.h"
#include "tools/bench/day_bench.h"
#include "tools/bench/in_child.h"
#include "tools/bench/loopback_bench.h"
#include "tools/bench/machine.h"
#include "tools/properties/property.h"

namespace lpsync::bench {
namespace {

std::string fixed(double v, int decimals = 2) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

struct Days {
  DayRun engine, naive;
};

Days day_figures(const BenchOptions& o, Figures& out, std::ostream& progress) {
  BusyDaySize size = (o.quick ? kQuickSizes : kFullSizes).day;
  progress << "busy day: " << size.products << " products, " << size.orders << " orders, " << size.stock_changes
           << " stock changes ...\n";
  DayRun d = run_busy_day(size);
  out.add({"time_compression", "1. time compression (simulated day / wall time)", d.simulated_seconds / d.wall_seconds,
           "x", 10000, false,
           "a simulated day in " + fixed(d.wall_seconds) + " s; " + std::to_string(d.orders_imported) +
               " orders imported, " + std::to_string(d.stock_pushes) + " stock pushes, " +
               std::to_string(d.shipments_pushed) + " shipments; " + std::to_string(d.lightspeed_requests) +
               " Lightspeed and " + std::to_string(d.picqer_requests) + " Picqer requests"});
  progress << "busy day, naive baseline ...\n";
  return {d, run_busy_day(size, Tuning{false, false, false})};
}

void call_figures(const Days& days, Figures& out) {
  const DayRun& d = days.engine;
  const DayRun& naive = days.naive;
  auto per = [](int64_t requests, int64_t units) { return units > 0 ? static_cast<double>(requests) / units : 0.0; };
  struct Unit {
    const char* key;
    const char* label;
    int64_t actual, minimum, naive_requests, units, naive_units;
  };
  for (const Unit& u : {Unit{"requests_per_order", "3. requests per imported order", d.actual.orders, d.minimum.orders,
                             naive.actual.orders, d.orders_imported, naive.orders_imported},
                        Unit{"requests_per_stock_change", "3. requests per stock change", d.actual.stock,
                             d.minimum.stock, naive.actual.stock, d.stock_changes, naive.stock_changes},
                        Unit{"requests_per_shipment", "3. requests per shipment", d.actual.shipments,
                             d.minimum.shipments, naive.actual.shipments, d.shipments_pushed,
                             naive.shipments_pushed}}) {
    double actual = per(u.actual, u.units), minimum = per(u.minimum, u.units);
    out.add({u.key, u.label, actual, "requests", std::nullopt, true,
             "minimum " + fixed(minimum) + " (only the unavoidable requests), naive baseline " + fixed(per(u.naive_requests, u.naive_units)) +
                 " (it did " + std::to_string(u.naive_units) + " of these units, the engine " +
                 std::to_string(u.units) + ")"});
    out.add({std::string(u.key) + "_over_minimum", std::string("   ... as a multiple of the minimum"),
             minimum > 0 ? actual / minimum : 0, "x", 1.1, true, ""});
  }
}

void seeds_figure(const BenchOptions& o, Figures& out, std::ostream& progress) {
  int per_child = (o.quick ? kQuickSizes : kFullSizes).histories_per_process;
  progress << "property sweep: 2 processes x " << per_child << " histories per property ...\n";
  Stopwatch watch;
  auto results = run_in_children(2, [per_child](int i) -> int64_t {
    for (auto p : properties::all_properties()) {
      rc::detail::TestParams params;
      params.seed = 1000 + static_cast<uint64_t>(i);
      params.maxSuccess = per_child;
      rc::detail::TestMetadata meta{properties::name_of(p), properties::name_of(p)};
      rc::detail::checkTestable([p] { properties::check(p); }, meta, params);
    }
    return properties::coverage().histories;
  });
  double seconds = watch.seconds();
  int64_t histories = 0;
  for (const auto& r : results) histories += r ? r->value : 0;
  out.add({"seeds_per_minute", "2. property histories per minute (2 processes)", 60.0 * histories / seconds,
           "per min", 1000, false, std::to_string(histories) + " histories in " + fixed(seconds) + " s"});
}

void bulk_figure(int64_t n, Figures& out, std::ostream& progress) {
  progress << "bulk import of " << n << " products under the real limits ...\n";
  BulkRun b = run_bulk_import(n);
  std::string size = std::to_string(n);
  out.add({"bulk_import_over_bound_" + size, "4. bulk import of " + size + " / the fewest requests' bound", b.ratio(),
           "x", 1.05, true,
           std::string(b.finished ? "" : "DID NOT FINISH; ") + "two images each: " +
               fixed(b.simulated_seconds / 3600, 2) + " h simulated; the limits allow " +
               fixed(b.lower_bound_seconds / 3600, 2) + " h for the fewest requests (" +
               std::to_string(b.fewest.lightspeed) + " Lightspeed, " + std::to_string(b.fewest.picqer) +
               " Picqer) and those of the orders meanwhile (" + std::to_string(b.orders.lightspeed) + ", " +
               std::to_string(b.orders.picqer) + "); the engine's import sent " +
               std::to_string(b.lightspeed_requests) + " and " + std::to_string(b.picqer_requests) + "; " +
               fixed(b.wall_seconds) + " s wall"});
  out.add({"longest_order_wait_" + size, "4. longest wait of a paid order during it", b.longest_order_wait_seconds,
           "s", 300 + 60, true,
           std::to_string(b.orders_during_import) + " paid orders placed during the import; the longest, " +
               b.longest_wait_order + ", placed " + fixed(b.longest_wait_placed_seconds / 60) +
               " min after Import products was pressed"});
}

void bulk_figures(const std::vector<int64_t>& sizes, Figures& out, std::ostream& progress) {
  for (int64_t n : sizes) bulk_figure(n, out, progress);
}

void memory_figure(const BenchOptions& o, Figures& out, std::ostream& progress) {
  int64_t n = (o.quick ? kQuickSizes : kFullSizes).memory_products;
  progress << "memory: importing " << n << " products in a child process ...\n";
  // The child reports one number: the engine's heap with its state and the engine's alone, in
  // kB, the first in the high 31 bits (-1: the import did not finish).
  auto r = run_in_child([n] {
    BulkRun b = run_bulk_import(n, true);
    auto kb = [](double mb) { return static_cast<int64_t>(mb * 1024) & 0x7fffffff; };
    return b.finished ? (kb(b.engine_heap_mb) << 31) | kb(b.engine_alone_heap_mb) : int64_t{-1};
  });
  bool finished = r && r->value >= 0;
  double engine_mb = finished ? (r->value >> 31) / 1024.0 : 0;
  double alone_mb = finished ? (r->value & 0x7fffffff) / 1024.0 : 0;
  double process_mb = r ? r->peak_rss_kb / 1024.0 : 0;
  out.add({"engine_memory_mb", "5. engine memory importing " + std::to_string(n) + " products", engine_mb, "MB", 256,
           true,
           std::string(finished ? "" : "DID NOT FINISH; ") +
               "the heap the engine and its in-memory state held at the end (freed when destroyed); the whole "
               "process, with both fakes holding the shop and the account, peaked at " +
               fixed(process_mb, 0) + " MB RSS"});
  out.add({"engine_alone_memory_mb", "5. of which the engine alone (its state in SQLite, as lpsync run keeps it)",
           alone_mb, "MB", std::nullopt, false,
           "the heap freed by destroying the engine before its in-memory state; an engine process over "
           "loopback HTTP is measured apart (lpsync bench --loopback-memory N)"});
}

// Issue 21 goal 3: the engine as a process of its own, over loopback HTTP.
void loopback_figures(int64_t n, Figures& out, std::ostream& progress) {
  progress << "an engine process importing " << n << " products from fakes in this process, over loopback HTTP ...\n";
  LoopbackRun r = run_loopback_import(n);
  std::string size = std::to_string(n);
  const LoopbackEngineFigures& e = r.engine;
  std::string ended = r.finished() ? "the import finished: " : "DID NOT FINISH: ";
  out.add({"loopback_engine_peak_rss_mb_" + size,
           "5. engine process over loopback, " + size + " products", r.peak_rss_mb(), "MB", 128, true,
           ended + std::to_string(r.created_in_picqer) + " of " + size +
               " products created in the Picqer fake; the peak RSS (VmHWM) of the engine process (HTTP clients on cpp-httplib, "
               "state in SQLite), forked before the fakes loaded the shop; " +
               fixed(static_cast<double>(e.start_rss_kb) / 1024, 1) + " MB resident when it started"});
  out.add({"loopback_import_hours_" + size, "5. its import, simulated", static_cast<double>(e.import_ms) / 3.6e6, "h",
           std::nullopt, false, "from Import products to its end, the real rate limits, one time shared by both processes"});
  out.add({"loopback_engine_wall_s_" + size, "5. its wall time", static_cast<double>(e.wall_ms) / 1000, "s",
           std::nullopt, false,
           "the engine process from its start to the import's end; the whole run, loading the fakes included: " +
               fixed(r.wall_seconds, 1) + " s"});
  out.add({"loopback_requests_" + size, "5. its requests", static_cast<double>(e.lightspeed_requests + e.picqer_requests),
           "", std::nullopt, false,
           std::to_string(e.lightspeed_requests) + " to Lightspeed, " + std::to_string(e.picqer_requests) +
               " to Picqer, over loopback HTTP"});
  out.add({"loopback_import_finished_" + size, "5. the import finished (1) or not (0)", r.finished() ? 1.0 : 0.0, "",
           std::nullopt, false, r.engine_reported ? "" : "the engine process did not report"});
}

void fake_figures(const BenchOptions& o, Figures& out, std::ostream& progress) {
  const BenchSizes& sizes = o.quick ? kQuickSizes : kFullSizes;
  int direct = sizes.fake_direct, http = sizes.fake_http;
  progress << "fakes: direct calls and loopback HTTP ...\n";
  auto ls = fakes::lightspeed::bench_lightspeed_fake(direct, http);
  auto pq = fakes::picqer::bench_picqer_fake(direct);
  out.add({"lightspeed_direct_per_s", "6. Lightspeed fake, direct calls", ls.direct_per_second(), "req/s"});
  out.add({"lightspeed_http_per_s", "6. Lightspeed fake, loopback HTTP", ls.http_per_second(), "req/s"});
  out.add({"picqer_direct_per_s", "6. Picqer fake, direct calls", pq.direct_per_second(), "req/s"});
  out.add({"picqer_http_per_s", "6. Picqer fake, loopback HTTP", pq.http_per_second(), "req/s"});
}

}  // namespace

Figures run_bench(const BenchOptions& o, std::ostream& progress) {
  Figures out = figures_of_today(o.quick ? "quick" : "full");
  if (o.loopback_memory > 0) {
    loopback_figures(o.loopback_memory, out, progress);
    return out;
  }
  if (!o.bulk_only.empty()) {
    bulk_figures(o.bulk_only, out, progress);
    return out;
  }
  Days days = day_figures(o, out, progress);
  seeds_figure(o, out, progress);
  call_figures(days, out);
  bulk_figures((o.quick ? kQuickSizes : kFullSizes).bulk_products, out, progress);
  memory_figure(o, out, progress);
  fake_figures(o, out, progress);
  return out;
}

}  // namespace lpsync::bench
