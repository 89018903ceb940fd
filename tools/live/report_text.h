// What the engine did, and what it keeps, in the merchant's words: the report a run prints,
// and the status read from the state store.
#pragma once

#include <boost/json.hpp>

#include <string>

#include "engine/core/report.h"
#include "engine/state/state_store.h"
#include "tools/live/attention_text.h"

namespace lpsync::live {

// The report of a run (run --once, import-products, the end of run); `now` gives the held
// orders and the orders needing a person their age.
std::string report_text(const Report& report, Instant now);

// The report's API figures as JSON (stored as the "budgets seen" of the last run).
boost::json::object usage_json(const Report& report, Instant at);

// The state store as a status document: links, held orders with reasons, bulk import
// progress, shipments, open intents, the installation (never its password), the budgets
// the last run saw (stored by the runner under kLastRunKey).
inline constexpr char kLastRunKey[] = "live.last_run";
boost::json::object status_document(const StateStore& store);
// `now`: the age of held orders and orders needing a person.
std::string status_text(const boost::json::object& status, Instant now);

}  // namespace lpsync::live
