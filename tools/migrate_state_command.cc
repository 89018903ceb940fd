// lpsync migrate-state NAME --config FILE --database URL: moves a connection that ran on
// SQLite (`lpsync run`) into the fleet's PostgreSQL (docs/fleet.md). The connection is added
// with its lease held by this command, so no worker starts it before its whole state (links,
// intents, held orders, stock, shipments, bulk import, every named value) is in place in one
// commit; the lease is then handed back and a worker takes it within one lease period.
#include <filesystem>
#include <ostream>

#include "engine/state/pg_fleet.h"
#include "engine/state/pg_state_store.h"
#include "engine/state/sqlite_state_store.h"
#include "tools/command.h"
#include "tools/fleet_flags.h"
#include "tools/live/state_snapshot.h"

namespace lpsync::cli {
namespace {

constexpr const char* kWorker = "lpsync migrate-state";
constexpr Duration kHold = Duration::minutes(10);  // far longer than a copy takes

struct Source {
  std::string config_text;
  std::unique_ptr<SqliteStateStore> store;
};

// The config (checked as `connections add` checks it) and its SQLite state; nothing after saying why.
std::optional<Source> open_source(const Args& args, std::ostream& err) {
  auto config = read_fleet_config(args, "migrate-state", "was not moved", err);
  if (!config) return std::nullopt;
  const std::string& path = config->config.state_path;
  if (!std::filesystem::exists(path)) {
    err << "lpsync migrate-state: there is no state at " << path << ": nothing to move (add the connection with "
        << "`lpsync connections add` instead).\n";
    return std::nullopt;
  }
  auto opened = SqliteStateStore::open(path);
  if (!opened) {
    err << "lpsync migrate-state: " << opened.error().message
        << (opened.error().kind == StoreProblem::locked ? " (stop `lpsync run` for this config first)" : "") << "\n";
    return std::nullopt;
  }
  return Source{config->text, std::move(opened.value().store)};
}

void summary(const StateStore& s, const std::string& name, int64_t id, std::ostream& out) {
  out << "Moved the state into connection " << name << " (id " << id << "): " << s.order_links().size()
      << " imported orders, " << s.product_links().size() << " product links, " << s.held().size() << " held orders, "
      << s.shipment_pushes().size() << " shipments, " << s.intents().size() << " open intents, "
      << s.value_keys().size() << " named values.\n"
      << "A worker takes it within one lease period. Keep the SQLite file as a backup and do not run "
         "`lpsync run` on it again: two engines on one shop would import orders twice.\n";
}

}  // namespace

int run_migrate_state(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.positional().size() != 1) {
    err << "lpsync migrate-state: expected the name of the new connection.\n"
           "Usage: lpsync migrate-state NAME --config FILE --database URL\n";
    return kExitUsage;
  }
  const std::string& name = args.positional()[0];
  std::optional<Source> source = open_source(args, err);
  if (!source) return kExitUsage;
  FleetDatabase fleet = open_fleet_database(args, "migrate-state", err);
  if (!fleet.db) return kExitUsage;
  auto lease = fleet::add_connection_held(*fleet.db, name, source->config_text, kWorker, kHold);
  if (!lease.ok()) {
    err << "lpsync migrate-state: " << lease.error().message << "\n";
    return kExitFailed;
  }
  try {
    auto target = PgStateStore::open(fleet.url, lease.value());
    if (!target.ok()) throw StateStoreError(target.error().message);
    live::copy_state(*source->store, *target.value());
    fleet::LeaseBook(*fleet.db, kWorker, kHold).release(lease.value());
    summary(*target.value(), name, lease.value().connection_id, out);
    return kExitOk;
  } catch (const std::exception& e) {
    fleet::remove_connection(*fleet.db, name);  // nothing half moved: run the command again
    err << "lpsync migrate-state: the state was not moved (" << e.what() << "); the connection " << name
        << " was removed again, so the command can be run once more.\n";
    return kExitFailed;
  }
}

}  // namespace lpsync::cli
