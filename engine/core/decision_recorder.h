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
#include <utility>
#include <vector>

#include "engine/env/time.h"
#include "engine/state/state_store.h"

namespace lpsync {

// The decision's fields a person may see: numbers of the two systems, reasons, codes,
// levels. Anything else (a message that may quote the shop, a name) is left out.
bool decision_field_allowed(std::string_view name);

// The log entries of one trace decision: one per subject it is about (none for a decision
// about neither an order nor a SKU). `sku_of` gives a variant's productcode ("" unknown).
// `extra`: what the recorder adds to the allow-listed fields (the requests).
std::vector<LoggedDecision> log_entries_of(Instant at, std::string_view what, const boost::json::object& fields,
                                           const std::function<std::string(int64_t variant)>& sku_of,
                                           const boost::json::object& extra = {});

// One request as the log keeps it: "POST picqer /api/v1/orders 201" (the status, or the
// transport's error kind). The path without its query (a query may hold a code or a
// reference); a download without its address.
std::string request_line(std::string_view api, std::string_view method, std::string_view target, int status,
                         std::string_view error);

class DecisionRecorder {
 public:
  // At most this many entries wait for the store (one that refuses writes, a full disk):
  // beyond it the oldest are dropped, so memory stays bounded.
  static constexpr size_t kMaxWaiting = 5'000;
  // Of the requests on the way to one decision, at most this many are listed (the same
  // request repeated at once is one line, "x3"); "requests_total" counts them all and
  // "requests_more" those not listed.
  static constexpr size_t kMaxRequestsListed = 20;

  DecisionRecorder(DecisionLogStore& store, DecisionRetention retention,
                   std::function<std::string(int64_t variant)> sku_of)
      : store_(store), retention_(retention), sku_of_(std::move(sku_of)) {}

  // A request the engine sent (api_session.h). The requests since the previous decision
  // are the next decision's "requests": what lpsync sent on the way to it.
  void note_request(std::string_view api, std::string_view method, std::string_view target, int status,
                    std::string_view error);
  void note(Instant at, std::string_view what, const boost::json::object& fields);
  // Appends what waits in one commit, dropping what is older than the retention as of the
  // newest entry (no clock reading of its own: a replayed run replays the engine's readings).
  // A store that refuses (StateStoreError) keeps nothing of it; the entries wait for the next
  // flush instead of stopping the sync for a log. Requests after the tick's last decision
  // are forgotten: they belong to no later decision.
  void flush();
  size_t waiting() const { return waiting_.size(); }

 private:
  DecisionLogStore& store_;
  DecisionRetention retention_;
  std::function<std::string(int64_t)> sku_of_;
  std::vector<LoggedDecision> waiting_;
  std::vector<std::pair<std::string, int64_t>> requests_;  // since the last decision: line, times in a row
  int64_t requests_total_ = 0;
};

}  // namespace lpsync
