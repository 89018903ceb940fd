// lpsync status --config FILE [--json]: the connection's state store in the merchant's words.
#include <cstdlib>
#include <ostream>

#include "tools/command.h"
#include "tools/live/cli_support.h"
#include "tools/live/status_run.h"

namespace lpsync::cli {

int run_status(const Args& args, std::ostream& out, std::ostream& err) {
  // Status reads only the state: secrets written as env:NAME need not be set for it.
  live::Environment lenient = [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    return std::string(v && *v ? v : "unused-by-status");
  };
  auto config = live::config_from_args(args, "status", err, lenient);
  if (!config) return kExitUsage;
  return live::show_status(*config, args.has("json"), out, err);
}

}  // namespace lpsync::cli
