// What the console's buttons leave for what runs a connection (issue 19): Import now, Import
// products and settings go as commands (tools/live/command_box.h) to the connection's
// `lpsync run` or fleet worker, which answers within a second while it runs.
#pragma once

#include <boost/json.hpp>

#include <string>

#include "engine/env/time.h"
#include "tools/live/command_box.h"

namespace lpsync::console {

struct ActionOutcome {
  bool ok = false;
  std::string message;     // for the page, in words
  std::string command_id;  // when left as a command: follow it with CommandQueue::answer_of
};

// Leaves a command in `queue`.
ActionOutcome leave_command(live::CommandQueue& queue, const std::string& kind, boost::json::object args,
                            const std::string& user, Instant now);

}  // namespace lpsync::console
