// What the console's buttons do to a connection (issue 19): Import now, Import products and
// settings. `lpsync run` holds the state while it runs, so these go through its command box
// (tools/live/command_box.h); settings are saved straight into the state when no run holds it.
#pragma once

#include <boost/json.hpp>

#include <string>

#include "engine/env/time.h"
#include "engine/rules/settings.h"
#include "tools/live/config.h"

namespace lpsync::console {

struct ActionOutcome {
  bool ok = false;
  std::string message;     // for the page, in words
  std::string command_id;  // when left for `lpsync run`: follow it with live::CommandBox::answer_of
};

// Leaves an import_order or import_products command for `lpsync run`.
ActionOutcome leave_command(const live::LiveConfig& config, const std::string& kind, boost::json::object args,
                            const std::string& user, Instant now);
// Saves `settings` (already checked) as the connection's: at once when no `lpsync run` holds
// the state (the change logged), else for the running run to apply.
ActionOutcome change_settings(const live::LiveConfig& config, const Settings& settings, const std::string& user,
                              Instant now);

}  // namespace lpsync::console
