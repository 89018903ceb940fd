// What the Engine hands its jobs. Every job gets the JobBasics (the clock, the trace, the
// report, the settings as they are now, the benchmark's tuning, the caps and the jitter stream); the
// rest each job receives in its own Parts struct (engine/jobs/*.h): only the clients, the
// catalogue and the parts of the state store it uses. Everything is a reference to
// something the Engine owns; nothing here is global.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "engine/client/lightspeed_client.h"
#include "engine/client/picqer_client.h"
#include "engine/core/catalog.h"
#include "engine/core/decision_recorder.h"
#include "engine/core/limits.h"
#include "engine/core/report.h"
#include "engine/core/tuning.h"
#include "engine/env/clock.h"
#include "engine/env/random.h"
#include "engine/rules/settings.h"
#include "engine/state/state_store.h"
#include "engine/trace/trace.h"

namespace lpsync {

struct JobBasics {
  Clock& clock;
  Trace& trace;
  Random& random;  // backoff jitter
  Report& report;
  const Settings& settings;
  const Tuning& tuning;
  const Limits& limits;  // page and queue caps (engine/core/limits.h)
  // The decision log's buffer (decision_recorder.h); nullptr: none (tests of one job).
  DecisionRecorder* decisions = nullptr;

  Instant now() const { return clock.now(); }
  // Records a decision in the trace, and about an order or SKU in the decision log.
  void decide(std::string_view what, boost::json::object fields) const {
    Instant at = now();  // read once: a replayed run replays the clock readings one by one
    if (decisions) decisions->note(at, what, fields);
    trace.decision(at, what, std::move(fields));
  }
};

// The shop writer, handed out only while the settings let the connection write to the shop.
class ShopWrites {
 public:
  ShopWrites(LightspeedWrites& writer, const Settings& settings) : writer_(writer), settings_(settings) {}
  LightspeedWrites* get() const { return settings_.may_write_lightspeed() ? &writer_ : nullptr; }

 private:
  LightspeedWrites& writer_;
  const Settings& settings_;
};

// What the engine read of the Picqer account.
struct PicqerAccount {
  bool loaded = false;
  std::vector<pq::Warehouse> warehouses;
  std::vector<pq::VatGroup> vatgroups;  // never empty once loaded
};

// Section 3: the open orders of the window that are not in Picqer yet, per order the
// quantity of each variant, for the base stock of a product created now. Each order poll
// counts them right after its listing, before it imports anything, and drops each order it
// imports; `known` is false after a start until the first poll has counted them, and no
// product is created before that (a restart must not lose the open orders).
struct OpenOrderQuantities {
  bool known = false;
  std::map<int64_t, std::map<int64_t, int64_t>> by_order;  // order id -> variant id -> quantity

  int64_t of(int64_t variant_id) const {
    int64_t sum = 0;
    for (const auto& [order, quantities] : by_order) {
      auto it = quantities.find(variant_id);
      if (it != quantities.end()) sum += it->second;
    }
    return sum;
  }
  bool counts(int64_t order_id) const { return by_order.count(order_id) > 0; }
};

// pending(v) as of the last complete order poll (section 4): written by the order poll,
// read by the stock job (desired stock). `open`: the same orders as of the current poll's
// listing, for the product linker (section 3 base stock).
struct PendingQuantities {
  std::map<int64_t, int64_t> by_variant;
  OpenOrderQuantities open;

  // The other shops on this Picqer account (section 4, last bullet): their pending of each
  // linked variant's productcode, as read at this engine's last complete order poll. Empty
  // without a SharedPending.
  std::map<int64_t, int64_t> others_by_variant;

  int64_t of(int64_t variant_id) const {
    auto it = by_variant.find(variant_id);
    return it == by_variant.end() ? 0 : it->second;
  }
  int64_t others_of(int64_t variant_id) const {
    auto it = others_by_variant.find(variant_id);
    return it == others_by_variant.end() ? 0 : it->second;
  }
};

}  // namespace lpsync
