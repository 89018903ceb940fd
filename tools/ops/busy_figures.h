// Test equipment: the figures of a busy run, one of everything, for the tests of their
// renderings (/metrics, the status summary).
#pragma once

#include "tools/ops/ops_figures.h"

namespace lpsync::ops::testing {

// Gathered at 2027-01-15T08:00:00Z (unix 1,800,000,000).
inline OpsFigures busy_figures() {
  OpsFigures f;
  f.gathered_at = Instant::from_unix_seconds(1'800'000'000);
  f.started_at = Instant::from_unix_seconds(1'799'990'000);
  f.orders_imported = 42;
  f.held_by_reason = {{"duplicate_sku", 2}, {"unpaid", 5}};
  f.needing_person_by_reason = {{"cancelled_after_pick", 1}};
  f.shipments_pushed = 17;
  f.bulk_running = true;
  f.bulk_done = 120;
  f.bulk_total = 400;
  f.stock_pushes = 33;
  f.apis["lightspeed"] = {250, 3, 48};
  f.apis["picqer"] = {120, 0, 480};
  f.order_polls = 9;
  f.order_poll_failures = 2;
  f.last_successful_poll = Instant::from_unix_millis(1'799'999'940'500);
  f.problems_by_kind = {{"order", 2}, {"page_cap", 1}};
  f.webhooks_refused = 4;
  f.webhook_arrivals = {{"picqer/products.free_stock_changed", 7}, {"lightspeed/orders", 3}};
  f.webhook_last_arrival = {{"picqer/products.free_stock_changed", Instant::from_unix_seconds(1'799'999'000)},
                            {"lightspeed/orders", Instant::from_unix_seconds(1'799'998'000)}};
  return f;
}

}  // namespace lpsync::ops::testing
