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

  Instant now() const { return clock.now(); }
  // Records a decision in the trace.
  void decide(std::string_view what, boost::json::object fields) const {
    trace.decision(now(), what, std::move(fields));
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

// pending(v) as of the last complete order poll (sections 3 and 4): written by the order
// poll, read by the stock job (desired stock) and the product linker (base stock).
struct PendingQuantities {
  std::map<int64_t, int64_t> by_variant;
  std::set<int64_t> orders;  // the Lightspeed orders counted in it

  int64_t of(int64_t variant_id) const {
    auto it = by_variant.find(variant_id);
    return it == by_variant.end() ? 0 : it->second;
  }
};

}  // namespace lpsync
