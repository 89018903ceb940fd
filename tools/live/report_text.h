// What the engine did, and what it keeps, in the merchant's words: the report a run prints,
// and the status read from the state store.
#pragma once

#include <boost/json.hpp>

#include <string>

#include "engine/core/report.h"
#include "engine/state/state_store.h"

namespace lpsync::live {

// "not paid yet", "cancelled in the shop", ... for a held reason.
std::string explain(HeldReason reason);

// The report of a run (run --once, import-products, the end of run).
std::string report_text(const Report& report);

// The report's API figures as JSON (stored as the "budgets seen" of the last run).
boost::json::object usage_json(const Report& report, Instant at);

// The state store as a status document: links, held orders with reasons, bulk import
// progress, shipments, open intents, the installation (never its password), the budgets
// the last run saw (stored by the runner under kLastRunKey).
inline constexpr char kLastRunKey[] = "live.last_run";
boost::json::object status_document(const StateStore& store);
std::string status_text(const boost::json::object& status);

}  // namespace lpsync::live
