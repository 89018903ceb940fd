// Runs a history (as a scenario) and keeps what the properties look at: the fakes' final
// state, their journals, the engine's store and the trace.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/model/picqer.h"
#include "engine/state/state_store.h"
#include "fakes/common/fault_plan.h"
#include "fakes/common/journal.h"
#include "tools/properties/model.h"
#include "tools/scenario/runner.h"

namespace lpsync::properties {

struct PicqerOrderFact {
  std::string reference;
  Instant created;
  std::vector<std::string> productcodes;
  int64_t idorder = 0;
  std::string status;   // at the end
  std::optional<Instant> picked_at;  // when a picklist of it was first closed (picked or shipped)
};

// A Picqer shipment, for the shipment-delay property.
struct PicqerShipmentFact {
  std::string reference;  // of its order
  Instant created;
  std::optional<Instant> cancelled_at;
};

// An imported order the engine's report lists as needing a person at the end.
struct NeedsPersonFact {
  std::string number, reason;
};

struct Outcome {
  scenario::RunResult run;
  std::vector<PicqerOrderFact> picqer_orders;      // created by the engine
  std::vector<PicqerProductFact> picqer_products;  // every product, with when it appeared
  std::map<int64_t, int64_t> shop_stock;           // variant -> stockLevel at the end
  std::map<std::pair<std::string, int64_t>, int64_t> free_stock;  // (productcode, warehouse)
  std::vector<pq::Warehouse> warehouses;
  std::vector<HeldOrder> held;
  std::vector<NeedsPersonFact> needs_person;  // the engine's report at the end (when it is up)
  std::vector<ProductLink> links;
  bool engine_up = false;
  Instant last_poll;
  Settings engine_settings;
  std::map<int64_t, int64_t> shipment_writes;  // Lightspeed shipment id -> applied PUTs
  std::map<int64_t, std::string> shop_shipment_order;  // Lightspeed shipment id -> order number
  std::vector<PicqerShipmentFact> picqer_shipments;
  std::map<fakes::FaultKind, int> injected;
  std::vector<fakes::JournalEntry> lightspeed_journal;
  std::vector<fakes::JournalEntry> picqer_journal;
};

// Opens a durable store (SQLite, PostgreSQL) at the start and after every crash and restart,
// as a new process would.
using DurableStore = std::function<std::unique_ptr<StateStore>()>;

// With `open`, the engine keeps its state in that durable store; else in memory.
Outcome run_history(const scenario::Scenario& s, const DurableStore& open = {});

}  // namespace lpsync::properties
