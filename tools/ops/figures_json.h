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

}  // namespace lpsync::ops
