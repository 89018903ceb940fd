// --database URL of the fleet commands (connections, migrate-state): a PostgreSQL connection
// string or URL, or env:NAME to read it from the environment (which keeps a password out of
// the shell history). No message repeats the URL.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "engine/state/pg_db.h"
#include "tools/flags.h"

namespace lpsync::cli {

struct FleetDatabase {
  std::unique_ptr<pg::Db> db;  // connected and migrated to this build's schema
  std::string url;             // as resolved (env: read), for stores that open their own session
};

// Connects and migrates; nullptr db after saying why on `err` ("lpsync COMMAND: ...").
FleetDatabase open_fleet_database(const Args& args, std::string_view command, std::ostream& err);

}  // namespace lpsync::cli
