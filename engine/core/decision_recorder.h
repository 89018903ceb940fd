// What the engine keeps of its decisions for people (sync-rules section 12, `lpsync explain`):
// the trace's decisions about an order (field "order") or a SKU (field "productcode", or a
// "variant" whose productcode is known), with only the allow-listed fields, so no secret and
// no personal data beyond the order number reaches the state. The recorder buffers them and
// the Engine appends the buffer to the store once per scheduler tick or callback: one commit
// per batch, never one per decision. The trace is unchanged by it (the log is state).
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/env/time.h"
#include "engine/state/state_store.h"

namespace lpsync {

// The decision's fields a person may see: numbers of the two systems, reasons, codes,
// levels. Anything else (a message that may quote the shop, a name) is left out.
bool decision_field_allowed(std::string_view name);

// The log entries of one trace decision: one per subject it is about (none for a decision
// about neither an order nor a SKU). `sku_of` gives a variant's productcode ("" unknown).
std::vector<LoggedDecision> log_entries_of(Instant at, std::string_view what, const boost::json::object& fields,
                                           const std::function<std::string(int64_t variant)>& sku_of);

class DecisionRecorder {
 public:
  // At most this many entries wait for the store (one that refuses writes, a full disk):
  // beyond it the oldest are dropped, so memory stays bounded.
  static constexpr size_t kMaxWaiting = 5'000;

  DecisionRecorder(DecisionLogStore& store, DecisionRetention retention,
                   std::function<std::string(int64_t variant)> sku_of)
      : store_(store), retention_(retention), sku_of_(std::move(sku_of)) {}

  void note(Instant at, std::string_view what, const boost::json::object& fields);
  // Appends what waits in one commit, dropping what is older than the retention as of the
  // newest entry (no clock reading of its own: a replayed run replays the engine's readings).
  // A store that refuses (StateStoreError) keeps nothing of it; the entries wait for the next
  // flush instead of stopping the sync for a log.
  void flush();
  size_t waiting() const { return waiting_.size(); }

 private:
  DecisionLogStore& store_;
  DecisionRetention retention_;
  std::function<std::string(int64_t)> sku_of_;
  std::vector<LoggedDecision> waiting_;
};

}  // namespace lpsync
