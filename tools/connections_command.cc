// lpsync connections add|list|remove --database URL: the connections a fleet of workers serves
// (sync-rules section 11, docs/fleet.md). `add NAME --config FILE` checks the config file
// first and stores its text; `list` shows who holds each connection, never a secret.
#include <iomanip>
#include <ostream>

#include "engine/state/pg_fleet.h"
#include "tools/command.h"
#include "tools/fleet_flags.h"

namespace lpsync::cli {
namespace {

constexpr const char* kUsage =
    "Usage: lpsync connections add NAME --config FILE --database URL\n"
    "       lpsync connections list --database URL\n"
    "       lpsync connections remove NAME --database URL\n"
    "URL is a PostgreSQL connection string or URL, or env:NAME to read it from the environment.\n";

int add(const Args& args, pg::Db& db, const std::string& name, std::ostream& out, std::ostream& err) {
  auto config = read_fleet_config(args, "connections add", "was not added", err);
  if (!config) return kExitUsage;
  auto id = fleet::add_connection(db, name, config->text);
  if (!id.ok()) {
    err << "lpsync connections add: " << id.error().message << "\n";
    return kExitFailed;
  }
  out << "Added connection " << name << " (id " << id.value() << "); a worker will take it within one lease period.\n";
  return kExitOk;
}

int list(pg::Db& db, std::ostream& out) {
  std::vector<fleet::ConnectionRow> rows = fleet::list_connections(db);
  if (rows.empty()) {
    out << "No connections yet: add one with `lpsync connections add NAME --config FILE --database URL`.\n";
    return kExitOk;
  }
  out << std::left << std::setw(24) << "CONNECTION" << std::setw(8) << "ID" << "WORKER\n";
  for (const auto& r : rows) {
    out << std::setw(24) << r.name << std::setw(8) << r.id << (r.leased ? r.worker : "(waiting for a worker)") << "\n";
  }
  return kExitOk;
}

}  // namespace

int run_connections(const Args& args, std::ostream& out, std::ostream& err) {
  const auto& pos = args.positional();
  std::string action = pos.empty() ? "" : pos[0];
  bool named = action == "add" || action == "remove";
  if ((action != "list" && !named) || pos.size() != (named ? 2u : 1u)) {
    err << "lpsync connections: expected add NAME, list or remove NAME.\n" << kUsage;
    return kExitUsage;
  }
  FleetDatabase fleet = open_fleet_database(args, "connections", err);
  if (!fleet.db) {
    err << kUsage;
    return kExitUsage;
  }
  pg::Db* db = fleet.db.get();
  try {
    if (action == "list") return list(*db, out);
    if (action == "add") return add(args, *db, pos[1], out, err);
    if (!fleet::remove_connection(*db, pos[1])) {
      err << "lpsync connections remove: there is no connection named " << pos[1] << " (see `lpsync connections list`).\n";
      return kExitFailed;
    }
    out << "Removed connection " << pos[1] << " and its state.\n";
    return kExitOk;
  } catch (const StateStoreError& e) {
    err << "lpsync connections: " << e.what() << "\n";
    return kExitFailed;
  }
}

}  // namespace lpsync::cli
