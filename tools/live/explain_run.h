// `lpsync explain`: the story of one order or SKU (explain_text.h) from the connection's
// SQLite state. The store is opened like `lpsync status` opens it; while `lpsync run` holds it
// (SQLite's exclusive lock keeps even readers out) the run is asked through its command box
// (command_box.h) and answers within a second; if it does not answer in 10 s, it says so.
#pragma once

#include <boost/json.hpp>

#include <optional>
#include <ostream>
#include <string>

#include "engine/state/state_store.h"
#include "tools/live/config.h"

namespace lpsync::live {

struct ExplainWhat {
  std::optional<std::string> order;  // the order number
  std::optional<std::string> sku;    // or the productcode
};

// The story (explain_text.h) of `what` in `store` (the age of a held order as of `now`).
boost::json::object story_of(const StateStore& store, const ExplainWhat& what, Instant now);

// The story (explain_text.h) from the state, or while lpsync run holds it from the run, which
// gets `wait_tenths` tenths of a second to answer; nullopt with `error` in words.
std::optional<boost::json::object> find_story(const LiveConfig& config, const ExplainWhat& what, int wait_tenths,
                                              std::string& error);

int show_explain(const LiveConfig& config, const ExplainWhat& what, bool as_json, std::ostream& out,
                 std::ostream& err);

}  // namespace lpsync::live
