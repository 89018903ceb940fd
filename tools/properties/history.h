// A random history for the property tests: a small shop and Picqer account (SKUs empty,
// shared or padded with spaces; some already in Picqer; warehouses that do or do not count)
// and a timeline of what happens, built command by command. The history IS a scenario,
// so a counterexample is written as a scenario file that `lpsync replay` reproduces.
#pragma once

#include <rapidcheck.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "tools/scenario/scenario.h"

namespace lpsync::properties {

struct History {
  scenario::Scenario scenario;
  Instant now;                      // where the next event goes
  int64_t next_order_id = 1000;
  std::map<int64_t, std::string> payment;  // order id -> current payment status
  std::set<int64_t> cancelled;
  std::vector<int64_t> variants;    // every variant id
  std::vector<std::string> picqer_codes;
  Settings settings;                // the merchant's current settings
  Instant last_fault;               // when the last fault ends (or may still fire)
  int engine_events = 0;            // crashes and downtimes

  // The timeline so far plus a quiet end: no new faults, long enough for polls, backoff
  // and an hourly stock reconciliation to settle everything.
  scenario::Scenario finished() const;
};

// The pool SKUs are drawn from: duplicates, an empty SKU and padded ones on purpose.
const std::vector<std::string>& sku_pool();

rc::Gen<History> gen_start();

// How RapidCheck prints a history in a failure report: its starting state in brief.
void showValue(const History& h, std::ostream& os);

}  // namespace lpsync::properties
