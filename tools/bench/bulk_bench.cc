#include "tools/bench/bulk_bench.h"

#include <malloc.h>

#include <algorithm>

#include "engine/env/stopwatch.h"
#include "tools/scenario/runner.h"
#include "tools/sim/world.h"

namespace lpsync::bench {

double least_seconds_for(int64_t requests, const std::vector<WindowLimit>& windows) {
  struct Open {
    int64_t start_ms = -1;
    int64_t used = 0;
  };
  std::vector<Open> open(windows.size());
  int64_t t = 0, last = 0;
  for (int64_t sent = 0; sent < requests; ++sent) {
    // The earliest instant every window has room.
    for (bool moved = true; moved;) {
      moved = false;
      for (size_t i = 0; i < windows.size(); ++i) {
        Open& o = open[i];
        int64_t length = windows[i].length.millis();
        if (o.start_ms >= 0 && t >= o.start_ms + length) o = Open{};
        if (o.start_ms >= 0 && o.used >= windows[i].limit) {
          t = o.start_ms + length;
          o = Open{};
          moved = true;
        }
      }
    }
    for (size_t i = 0; i < windows.size(); ++i) {
      if (open[i].start_ms < 0) open[i].start_ms = t;
      ++open[i].used;
    }
    last = t;
  }
  return static_cast<double>(last) / 1000.0;
}

namespace {

const Duration kImportPressedAfter = Duration::seconds(10);  // after the start

// `products` products of one variant and two images each, "Import products" pressed 10 s in,
// and a paid order every ten minutes while the import runs.
scenario::Scenario bulk_scenario(int64_t products) {
  using namespace scenario;
  Scenario s;
  s.name = "bulk-import-bench";
  s.start = *parse_iso8601("2026-11-02T00:00:00Z");
  Instant pressed = s.start + kImportPressedAfter;
  for (int64_t i = 0; i < products; ++i) {
    LightspeedProduct p;
    p.id = 1 + i;
    p.title = "Product " + std::to_string(i);
    p.images = {"p" + std::to_string(i) + "-a.jpg", "p" + std::to_string(i) + "-b.jpg"};
    LightspeedVariant v;
    v.id = 1'000'000 + i;
    v.sku = "BULK-" + std::to_string(i);
    v.price_excl = 10;
    v.stock_level = 5;
    p.variants.push_back(v);
    s.lightspeed.products.push_back(p);
  }
  s.timeline.push_back({pressed, ImportProducts{}});
  // Long enough for the Lightspeed day budget (12,000) to carry the image lists.
  s.run_until = s.start + Duration::hours(24 * (products / 10'000 + 2));
  int64_t id = 1;
  for (Instant t = pressed + Duration::minutes(7); t < s.run_until; t += Duration::minutes(10), ++id) {
    LightspeedOrder o;
    o.id = id;
    o.number = "ORD" + std::to_string(id);
    o.payment_status = "paid";
    o.address = {"Bench", "Dam", "1", "1012 AB", "Amsterdam", "nl"};
    o.lines.push_back({1'000'000 + (id * 7919) % products, 1, std::nullopt});
    s.timeline.push_back({t, CreateLightspeedOrder{o}});
  }

  return s;
}

}  // namespace

BulkRun run_bulk_import(int64_t products, bool lean_fakes) {
  scenario::Scenario s = bulk_scenario(products);
  Instant pressed = s.start + kImportPressedAfter;
  BulkRun out;
  out.products = products;
  std::optional<Instant> finished;
  std::map<std::string, Instant> placed;
  for (const auto& e : s.timeline) {
    if (const auto* c = std::get_if<scenario::CreateLightspeedOrder>(&e.action)) placed[c->order.number] = e.at;
  }
  scenario::RunOptions options;
  options.lean_fakes = lean_fakes;
  MemoryStateStore store;
  options.store = &store;
  options.observe = [&](const boost::json::object& line) {
    auto d = line.find("decision");
    if (!finished && d != line.end() && d->value().as_string() == "bulk_import_finished") {
      finished = parse_iso8601(line.at("t").as_string());
    }
  };
  options.after_run = [&](sim::World& w) {
    if (Engine* e = w.engine()) {
      out.lightspeed_requests = e->sent_requests().lightspeed[static_cast<int>(Priority::bulk)];
      out.picqer_requests = e->sent_requests().picqer[static_cast<int>(Priority::bulk)];
    }
    if (lean_fakes) {
      // Destroy the engine (a downtime that outlasts the run) and empty its state: what
      // that frees is what they held.
      size_t before = mallinfo2().uordblks;
      w.down(Duration::days(10000));
      store = MemoryStateStore();
      out.engine_heap_mb = static_cast<double>(before - mallinfo2().uordblks) / (1024.0 * 1024.0);
    }
    for (const auto& o : w.picqer().orders()) {
      auto it = placed.find(o.reference);
      if (!o.via_api || it == placed.end() || !finished || it->second > *finished) continue;
      ++out.orders_during_import;
      out.longest_order_wait_seconds = std::max(out.longest_order_wait_seconds, (o.created - it->second).millis() / 1000.0);
    }
  };
  Stopwatch watch;
  scenario::run_scenario(s, options);
  out.wall_seconds = watch.seconds();
  out.finished = finished.has_value();
  if (finished) out.simulated_seconds = (*finished - pressed).millis() / 1000.0;
  out.lower_bound_seconds = std::max(least_seconds_for(out.lightspeed_requests, lightspeed_limits()),
                                     least_seconds_for(out.picqer_requests, picqer_limits()));
  return out;
}

}  // namespace lpsync::bench
