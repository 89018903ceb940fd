// `lpsync status`: the status document of the state store (report_text.h), as text or JSON.
// While `lpsync run` has the database open (it holds its lock), the status it writes next
// to the database every 30 seconds (<state>.status.json) is shown instead, with its time.
#pragma once

#include <boost/json.hpp>

#include <optional>
#include <ostream>
#include <string>

#include "tools/live/config.h"

namespace lpsync::live {

// The status document of a config's state: read from the database, or while `lpsync run`
// holds it, from its status file (then `running_note` says since when). nullopt: `error` says
// why not (no state yet, a damaged file).
struct StatusRead {
  std::optional<boost::json::object> doc;
  std::string running_note;  // "lpsync is running with this state (pid N); its status as of T:"
  std::string error;
};
StatusRead read_status(const LiveConfig& config);

int show_status(const LiveConfig& config, bool as_json, std::ostream& out, std::ostream& err);

}  // namespace lpsync::live
