// The operator's figures on a connection's page (issue 19, sync-rules section 12): when the
// last order poll succeeded, stock pushes and shipments sent, each API's requests, 429s and
// budget left with a small chart of the last 24 hours, when each webhook topic last arrived,
// and the open problems by kind. From the figures a running `lpsync run` writes into its
// status file ("ops", and "ops_history": one sample per quarter hour). Pure text building.
#pragma once

#include <boost/json.hpp>

#include <string>
#include <vector>

#include "engine/env/time.h"

namespace lpsync::console {

// "" when the status has no figures (no run is going on).
std::string ops_section(const boost::json::object& status, Instant now);

// An inline SVG bar chart of `values` (oldest first), `title` its accessible name. Each bar is
// scaled to the largest value; an empty list draws an empty frame.
std::string bar_chart(const std::vector<int64_t>& values, const std::string& title);

}  // namespace lpsync::console
