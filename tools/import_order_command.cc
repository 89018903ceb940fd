// lpsync import-order --config FILE NUMBER: reads that one order from the shop now and imports
// it into Picqer, or says exactly why not and what to fix (sync-rules section 2, "Importing
// one order by hand": the 12-hour window does not apply). No order poll runs.
// Exit 0 imported or already imported, 1 not imported (held, not found, not active, refused),
// 2 usage or config error.
#include <ostream>

#include "tools/command.h"
#include "tools/live/cli_support.h"
#include "tools/live/live_session.h"

namespace lpsync::cli {

int run_import_order(const Args& args, std::ostream& out, std::ostream& err) {
  auto config = live::config_from_args(args, "import-order", err, live::process_environment(), 1);
  if (!config) return kExitUsage;
  if (args.positional().size() != 1 || args.positional()[0].empty()) {
    err << "lpsync import-order: name the order's number as the shop shows it: lpsync import-order --config FILE "
           "NUMBER (e.g. ORD00042)\n";
    return kExitUsage;
  }
  auto human = live::human_log_from_args(args, "import-order", err);
  if (!human) return kExitUsage;
  live::SessionOptions options;
  options.mode = live::SessionMode::import_order;
  options.order_number = args.positional()[0];
  options.verbose = args.has("verbose");
  options.human_log = *human;
  return live::run_session(*config, options, out, err);
}

}  // namespace lpsync::cli
