#include "tools/bench/day_bench.h"

#include <set>

#include "engine/env/stopwatch.h"
#include "tools/bench/minimum.h"
#include "tools/scenario/runner.h"
#include "tools/sim/world.h"

namespace lpsync::bench {
namespace {

using fakes::matches_pattern;

int64_t ceil_div(int64_t a, int64_t b) { return (a + b - 1) / b; }

void count_lightspeed(const fakes::JournalEntry& e, WorkRequests& w) {
  const std::string& m = e.method;
  const std::string& p = e.path;
  if (matches_pattern("GET /orders", m, p) || matches_pattern("GET /orders/*/products", m, p) ||
      matches_pattern("GET /variants/*", m, p)) {
    ++w.orders;
  } else if (matches_pattern("GET /variants", m, p)) {
    // A refresh (changed since ...) serves the order poll; a full scan the reconciliation.
    (e.query.find("updated_at_min") != std::string::npos ? w.orders : w.stock)++;
  } else if (matches_pattern("PUT /variants/*", m, p)) {
    ++w.stock;
  } else if (matches_pattern("/shipments*", m, p) || matches_pattern("/shipments/*", m, p)) {
    ++w.shipments;
  } else {
    ++w.other;
  }
}

void count_picqer(const fakes::JournalEntry& e, WorkRequests& w) {
  const std::string& m = e.method;
  const std::string& p = e.path;
  if (matches_pattern("GET /orders", m, p)) {
    (e.query.find("status=") != std::string::npos ? w.shipments : w.orders)++;
  } else if (matches_pattern("GET /products", m, p)) {
    // A lookup by code links an order's product; a listing reads the types for the pushes.
    (e.query.find("productcode=") != std::string::npos ? w.orders : w.stock)++;
  } else if (matches_pattern("/orders*", m, p) || matches_pattern("/orders/*", m, p) ||
             matches_pattern("/orders/*/*", m, p) ||
             matches_pattern("POST /products", m, p) || matches_pattern("/products/*/images", m, p) ||
             matches_pattern("POST /products/*/stock/*", m, p)) {
    ++w.orders;
  } else if (matches_pattern("GET /products/*/stock", m, p) || matches_pattern("/warehouses*", m, p) ||
             matches_pattern("/warehouses/*/stock", m, p) || matches_pattern("GET /vatgroups", m, p)) {
    ++w.stock;
  } else if (matches_pattern("/picklists*", m, p) || matches_pattern("/picklists/*/shipments", m, p)) {
    ++w.shipments;
  } else {
    ++w.other;
  }
}

}  // namespace

DayRun run_busy_day(const BusyDaySize& size, const Tuning& tuning) {
  scenario::Scenario s = busy_day(size);
  DayRun out;
  scenario::RunOptions options;
  options.tuning = tuning;
  int64_t stock_rows = 0, order_lists = 0, shipment_lists = 0, reconciliations_made = 0;
  std::set<int64_t> products_pushed;
  options.after_run = [&](sim::World& w) {
    for (const auto& e : w.lightspeed().journal().entries()) {
      count_lightspeed(e, out.actual);
      order_lists += matches_pattern("GET /orders", e.method, e.path);
      bool applied = e.applied && e.status > 0 && e.status < 300;
      bool pushed = applied && matches_pattern("PUT /variants/*", e.method, e.path);
      out.stock_pushes += pushed;
      // The busy day's products have one variant each: a variant pushed is a product pushed.
      if (pushed) products_pushed.insert(std::stoll(e.path.substr(e.path.rfind('/') + 1)));
      out.shipments_pushed += applied && matches_pattern("PUT /shipments/*", e.method, e.path);
    }
    for (const auto& e : w.picqer().journal().entries()) {
      count_picqer(e, out.actual);
      shipment_lists += matches_pattern("GET /orders", e.method, e.path) && e.query.find("status=") != std::string::npos;
      // Each reconciliation starts the stock listing of the busy day's one warehouse anew.
      reconciliations_made +=
          matches_pattern("GET /warehouses/*/stock", e.method, e.path) && e.query == "offset=0" && e.status == 200;
    }
    out.lightspeed_requests = static_cast<int64_t>(w.lightspeed().journal().size());
    out.picqer_requests = static_cast<int64_t>(w.picqer().journal().size());
    stock_rows = static_cast<int64_t>(w.picqer().products().size());
  };
  Stopwatch watch;
  scenario::RunResult r = scenario::run_scenario(s, options);
  out.wall_seconds = watch.seconds();
  out.simulated_seconds = static_cast<double>(r.simulated.seconds());
  out.orders_imported = r.orders_imported;
  for (const auto& e : s.timeline) out.stock_changes += std::holds_alternative<scenario::SetPicqerStock>(e.action);

  DayWork work;
  work.polls_due = static_cast<int64_t>(r.simulated.seconds() / Settings().poll_interval.seconds());
  work.order_lists = order_lists;
  work.shipment_lists = shipment_lists;
  work.orders_imported = out.orders_imported;
  work.stock_pushes = out.stock_pushes;
  work.reconciliations = static_cast<int64_t>(r.simulated.seconds() / 3600);
  work.reconciliations_made = reconciliations_made;
  work.days = ceil_div(r.simulated.seconds(), 86400);
  work.products_pushed = static_cast<int64_t>(products_pushed.size());
  work.product_list_pages = ceil_div(stock_rows, 100);
  work.reconciliation_pages = ceil_div(size.products, 250) + ceil_div(stock_rows, 100) + 1;
  work.shipments_pushed = out.shipments_pushed;
  MinimumRequests m = minimum_requests(work);
  out.minimum.orders = m.orders;
  out.minimum.stock = m.stock;
  out.minimum.shipments = m.shipments;
  return out;
}

}  // namespace lpsync::bench
