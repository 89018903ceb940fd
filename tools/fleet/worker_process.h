// `lpsync worker`: one fleet worker process from start to exit (docs/fleet.md). It connects
// to the fleet database, then beats: every
// quarter of a lease period it renews its leases, claims its fair share and starts the
// engines of its connections on an EngineHost. SIGINT or SIGTERM stops every engine (the
// request in flight finishes) and hands every lease back, so other workers take over at once.
// The log (JSON lines, or text) goes to `err`; no message contains a secret or the URL.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "engine/state/pg_db.h"
#include "tools/fleet/engine_host.h"
#include "tools/fleet/worker.h"

namespace lpsync::fleet {

struct WorkerProcessOptions {
  std::string database_url;  // resolved (no env:), for the engines' sessions
  std::string name;  // unique among the fleet's workers
  WorkerOptions lease;
  HostOptions host;  // host.public_url: where the fleet's webhooks arrive ("" = none)
  std::string listen_host;  // the webhook listener, when listen_port > 0 (0 with a host: any port)
  int listen_port = -1;     // -1: no listener
  bool human_log = false;
};

// `db`: the worker's own session, connected and migrated. Returns 0 after a signal.
int run_worker_process(std::unique_ptr<pg::Db> db, const WorkerProcessOptions& options, std::ostream& err);

}  // namespace lpsync::fleet
