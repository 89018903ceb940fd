#include "tools/bench/bulk_bench.h"

#include <malloc.h>

#include <algorithm>

#include "engine/env/stopwatch.h"
#include "tools/bench/bulk_shop.h"
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

RequestCount fewest_import_requests(const CatalogShape& c) {
  auto pages = [](int64_t rows, int64_t per_page) { return rows / per_page + 1; };  // the last one short
  RequestCount r;
  // The rules decide on SKUs read at most a minute before a create (tools/properties,
  // fresh unique reads): one read of the changed variants per minute of creates, at the
  // most creates Picqer's minute allows.
  int64_t picqer_per_create = c.created > 0 ? (c.created + c.images + c.base_stocks + c.created - 1) / c.created : 1;
  int64_t creates_per_minute = std::max<int64_t>(1, picqer_limits().front().limit / picqer_per_create);
  int64_t fresh_reads = (c.created + creates_per_minute - 1) / creates_per_minute;
  r.lightspeed = 1 + pages(c.variants, 250) + pages(c.products, 250) + c.products_with_several_images + fresh_reads;
  // Active and inactive products are listed apart; how they split is unknown, so the active
  // ones are taken as all of them (one page more at most).
  r.picqer = 2 + pages(c.picqer_products, 100) + 1 + c.created + c.images + c.base_stocks;
  return r;
}

RequestCount order_requests(int64_t polls, int64_t orders) { return {polls + orders, 3 * orders}; }

namespace {

// The shop's catalogue is in place an hour before the merchant activates the connection (a
// catalogue written in full the instant the engine starts reading it must be read twice under
// the rules' fresh minute: BENCHMARKS.md, figure 4's order wait), and "Import products" is
// pressed 10 s after activating, while the first full scan runs.
const Duration kActivatedAfter = Duration::hours(1);
const Duration kImportPressedAfter = kActivatedAfter + Duration::seconds(10);  // after the start
const Duration kOrderEvery = Duration::minutes(10);

// `products` products of one variant and two images each, the connection activated an hour
// later, "Import products" pressed 10 s after that, and a paid order every ten minutes while
// the import runs.
scenario::Scenario bulk_scenario(int64_t products) {
  using namespace scenario;
  Scenario s;
  s.name = "bulk-import-bench";
  s.start = *parse_iso8601("2026-11-02T00:00:00Z");
  s.settings.active = false;
  s.timeline.push_back({s.start + kActivatedAfter, Activate{}});
  Instant pressed = s.start + kImportPressedAfter;
  s.lightspeed.products = bulk_catalog(products);
  s.timeline.push_back({pressed, ImportProducts{}});
  // Long enough for the Lightspeed day budget (12,000) to carry the image lists.
  s.run_until = s.start + Duration::hours(24 * (products / 10'000 + 2));
  int64_t id = 1;
  for (Instant t = pressed + Duration::minutes(7); t < s.run_until; t += kOrderEvery, ++id) {
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
      for (int p = 0; p < static_cast<int>(Priority::bulk); ++p) {
        out.others.lightspeed += e->sent_requests().lightspeed[p];
        out.others.picqer += e->sent_requests().picqer[p];
      }
    }
    if (lean_fakes) {
      // Destroy the engine (a downtime that outlasts the run) and empty its state: what
      // that frees is what they held.
      auto mb = [](size_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); };
      size_t before = mallinfo2().uordblks;
      w.down(Duration::days(10000));
      size_t without_engine = mallinfo2().uordblks;
      store = MemoryStateStore();
      out.engine_heap_mb = mb(before - mallinfo2().uordblks);
      out.engine_alone_heap_mb = mb(before - without_engine);
    }
    auto minute_of = [&](Instant at) { return static_cast<size_t>(std::max<int64_t>(0, (at - pressed).millis() / 60'000)); };
    auto count = [&](const auto& journal, bool lightspeed) {
      for (const auto& e : journal.entries()) {
        size_t m = minute_of(e.at);
        if (m >= 100'000) continue;
        if (out.per_minute.size() <= m) out.per_minute.resize(m + 1);
        (lightspeed ? out.per_minute[m].first : out.per_minute[m].second)++;
      }
    };
    if (!lean_fakes) {
      count(w.lightspeed().journal(), true);
      count(w.picqer().journal(), false);
    }
    for (const auto& o : w.picqer().orders()) {
      auto it = placed.find(o.reference);
      if (!o.via_api || it == placed.end() || !finished || it->second > *finished) continue;
      ++out.orders_during_import;
      double wait = (o.created - it->second).millis() / 1000.0;
      if (wait <= out.longest_order_wait_seconds) continue;
      out.longest_order_wait_seconds = wait;
      out.longest_wait_order = o.reference;
      out.longest_wait_placed_seconds = (it->second - pressed).millis() / 1000.0;
    }
  };
  Stopwatch watch;
  scenario::run_scenario(s, options);
  out.wall_seconds = watch.seconds();
  out.finished = finished.has_value();
  if (finished) out.simulated_seconds = (*finished - pressed).millis() / 1000.0;
  // Every product is created with two images and stock (none is in Picqer yet).
  out.fewest = fewest_import_requests({products, products, products, 2 * products, 0, products, products});
  auto bound = [](const RequestCount& r) {
    return std::max(least_seconds_for(r.lightspeed, lightspeed_limits()), least_seconds_for(r.picqer, picqer_limits()));
  };
  // The orders placed within that least time share the budgets with the import.
  double alone = bound(out.fewest);
  int64_t polls = static_cast<int64_t>(alone / Settings().poll_interval.seconds());
  out.orders = order_requests(polls, static_cast<int64_t>(alone / kOrderEvery.seconds()));
  out.lower_bound_seconds = bound({out.fewest.lightspeed + out.orders.lightspeed, out.fewest.picqer + out.orders.picqer});
  return out;
}

}  // namespace lpsync::bench
