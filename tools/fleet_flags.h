// The flags of the fleet commands (connections, migrate-state). --database URL: a PostgreSQL
// connection string or URL, or env:NAME to read it from the environment (which keeps a
// password out of the shell history); no message repeats the URL. --config FILE: a
// connection's config file, checked for its shape only.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "engine/state/pg_db.h"
#include "tools/flags.h"
#include "tools/live/config.h"

namespace lpsync::cli {

struct FleetDatabase {
  std::unique_ptr<pg::Db> db;  // connected and migrated to this build's schema
  std::string url;             // as resolved (env: read), for stores that open their own session
};

// Connects and migrates; nullptr db after saying why on `err` ("lpsync COMMAND: ...").
FleetDatabase open_fleet_database(const Args& args, std::string_view command, std::ostream& err);

struct FleetConfig {
  std::string text;  // as written, secrets as env: references
  live::LiveConfig config;
};
// Reads --config and checks its shape. Secrets written as env:NAME are read by the workers,
// whose environment this machine may not have, so they need not be set here. Nothing after
// saying why on `err` (each problem, then "lpsync COMMAND: FILE <not_done>; fix the problems above").
std::optional<FleetConfig> read_fleet_config(const Args& args, std::string_view command, std::string_view not_done,
                                             std::ostream& err);
// The same for a file named otherwise (connections import).
std::optional<FleetConfig> read_fleet_config_file(const std::string& file, std::string_view command,
                                                  std::string_view not_done, std::ostream& err);

}  // namespace lpsync::cli
