#include "tools/console/connection_actions.h"

namespace lpsync::console {

ActionOutcome leave_command(live::CommandQueue& queue, const std::string& kind, boost::json::object args,
                            const std::string& user, Instant now) {
  ActionOutcome out;
  std::string error;
  auto id = queue.submit(kind, std::move(args), user, now, error);
  if (!id) {
    out.message = error;
    return out;
  }
  out.ok = true;
  out.command_id = *id;
  return out;
}

}  // namespace lpsync::console
