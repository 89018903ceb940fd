// The operator's figures as JSON and back: stored in the status file of a run
// (<state>.status.json, "ops") so that `lpsync status` shows the figures of the running
// process, and printed by `lpsync status --json` ("summary"). Times are ISO-8601.
#pragma once

#include <boost/json.hpp>

#include "tools/ops/ops_figures.h"

namespace lpsync::ops {

boost::json::object figures_json(const OpsFigures& f);
// Tolerant: a missing or mistyped member keeps its default.
OpsFigures figures_from_json(const boost::json::object& o);

// The console's charts of requests per quarter hour: a sample of the APIs' counts
// ({"at", "apis"}, from figures_json's "apis") added to `history` when it is empty or its last
// sample is kHistoryEvery old, the newest kHistoryKept kept (24 hours between the first and
// the last).
inline constexpr Duration kHistoryEvery = Duration::minutes(15);
inline constexpr size_t kHistoryKept = 24 * 4 + 1;
void sample_history(boost::json::array& history, const boost::json::object& ops, Instant now);

}  // namespace lpsync::ops
