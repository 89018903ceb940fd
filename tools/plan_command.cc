// lpsync plan --config FILE: what the engine would do now against the live systems, with
// every write stopped by the transport (tools/live/write_guard.h).
#include <ostream>

#include "tools/command.h"
#include "tools/live/cli_support.h"
#include "tools/live/live_session.h"

namespace lpsync::cli {

int run_plan(const Args& args, std::ostream& out, std::ostream& err) {
  auto config = live::config_from_args(args, "plan", err);
  if (!config) return kExitUsage;
  auto human = live::human_log_from_args(args, "plan", err);
  if (!human) return kExitUsage;
  live::SessionOptions options;
  options.mode = live::SessionMode::plan;
  options.verbose = args.has("verbose");
  options.human_log = *human;
  return live::run_session(*config, options, out, err);
}

}  // namespace lpsync::cli
