// `lpsync status`: the status document of the state store (report_text.h), as text or JSON.
// While `lpsync run` has the database open (it holds its lock), the status it writes next
// to the database every minute (<state>.status.json) is shown instead, with its time.
#pragma once

#include <ostream>

#include "tools/live/config.h"

namespace lpsync::live {

int show_status(const LiveConfig& config, bool as_json, std::ostream& out, std::ostream& err);

}  // namespace lpsync::live
