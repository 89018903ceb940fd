// lpsync run --config FILE [--once] [--record FILE]: the engine against the live shop and
// Picqer account (tools/live/live_session.h).
#include <ostream>

#include "tools/command.h"
#include "tools/live/cli_support.h"
#include "tools/live/live_session.h"

namespace lpsync::cli {

int run_live(const Args& args, std::ostream& out, std::ostream& err) {
  auto config = live::config_from_args(args, "run", err);
  if (!config) return kExitUsage;
  auto human = live::human_log_from_args(args, "run", err);
  if (!human) return kExitUsage;
  if (args.has("redact-personal") && !args.has("record")) {
    err << "lpsync run: --redact-personal applies to a cassette: give --record FILE too\n";
    return kExitUsage;
  }
  live::SessionOptions options;
  options.mode = args.has("once") ? live::SessionMode::once : live::SessionMode::run;
  options.record_path = args.value_or("record", "");
  options.redact_personal = args.has("redact-personal");
  options.verbose = args.has("verbose");
  options.human_log = *human;
  return live::run_session(*config, options, out, err);
}

}  // namespace lpsync::cli
