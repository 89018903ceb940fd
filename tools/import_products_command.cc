// lpsync import-products --config FILE: starts (or resumes) the bulk import of the shop's
// products into Picqer and follows it to the end, with a progress bar on a terminal.
#include <unistd.h>

#include <iostream>
#include <ostream>

#include "tools/command.h"
#include "tools/live/cli_support.h"
#include "tools/live/live_session.h"

namespace lpsync::cli {

int run_import_products(const Args& args, std::ostream& out, std::ostream& err) {
  auto config = live::config_from_args(args, "import-products", err);
  if (!config) return kExitUsage;
  auto human = live::human_log_from_args(args, "import-products", err);
  if (!human) return kExitUsage;
  live::SessionOptions options;
  options.mode = live::SessionMode::import_products;
  options.verbose = args.has("verbose");
  options.human_log = *human;
  options.progress_bar = &out == &std::cout && ::isatty(STDOUT_FILENO) == 1;
  return live::run_session(*config, options, out, err);
}

}  // namespace lpsync::cli
