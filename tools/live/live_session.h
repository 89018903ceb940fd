// One live command from start to exit: the engine of one connection on the system clock,
// the cpp-httplib transport (HTTPS) and the SQLite state store, with what the command adds:
//   run              until SIGINT/SIGTERM (the callback in flight finishes; every commit is
//                    already on disk), with the webhook listener and the app install
//                    callbacks on webhooks.listen when configured;
//   once             every due job one time (order poll, stock reconciliation, open
//                    shipments), then exit with the report;
//   import-products  start or resume the bulk import and follow it to the end;
//   plan             read both systems and print what the engine would do, writing nothing
//                    (write_guard.h; the state is a copy in memory);
//   import-order     read one order by number now and import it or say why not (no order
//                    poll, no other job; sync-rules section 2, by hand).
// Optionally records a cassette (cassette.h). Logs go to `err` (log.h); the report to `out`.
#pragma once

#include <ostream>
#include <string>

#include "engine/env/time.h"
#include "tools/live/config.h"

namespace lpsync::live {

enum class SessionMode { run, once, import_products, plan, import_order };

struct SessionOptions {
  SessionMode mode = SessionMode::run;
  std::string record_path;       // "" = no cassette
  bool redact_personal = false;  // also take customers' personal data out of the cassette
  bool verbose = false;          // log every HTTP exchange too
  bool human_log = false;        // readable log lines instead of JSON (stderr is a terminal)
  bool progress_bar = false;     // import-products: a progress bar on `out` (a terminal)
  std::string order_number;      // import-order: the order asked for
  // once and plan end when no work of the engine is due within this long (retries and
  // short waits within it are waited for; the next poll is not).
  Duration once_horizon = Duration::seconds(15);
};

// Returns the exit code (tools/command.h).
int run_session(const LiveConfig& config, const SessionOptions& options, std::ostream& out, std::ostream& err);

}  // namespace lpsync::live
