// lpsync connections add|list|remove --database URL: the connections a fleet of workers serves
// (sync-rules section 11, docs/fleet.md). `add NAME --config FILE` checks the config file
// first and stores its text; `import DIR` adds every config file of a directory (as
// `lpsync run` used them), each named after its file; `list` shows who holds each
// connection, never a secret.
#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <ostream>

#include "engine/state/pg_fleet.h"
#include "tools/command.h"
#include "tools/fleet_flags.h"

namespace lpsync::cli {
namespace {

constexpr const char* kUsage =
    "Usage: lpsync connections add NAME --config FILE --database URL\n"
    "       lpsync connections import DIR --database URL\n"
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

// At most this many files in one import: a directory of a fleet's configs, not a whole disk.
constexpr size_t kMaxImport = 10'000;

int import_dir(pg::Db& db, const std::string& dir, std::ostream& out, std::ostream& err) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path());
    if (files.size() > kMaxImport) break;
  }
  if (ec) {
    err << "lpsync connections import: cannot read the directory " << dir << ": " << ec.message() << ".\n";
    return kExitUsage;
  }
  if (files.size() > kMaxImport) {
    err << "lpsync connections import: " << dir << " holds more than " << kMaxImport
        << " config files: import them in parts (one directory each).\n";
    return kExitUsage;
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> existing;
  for (const auto& r : fleet::list_connections(db)) existing.push_back(r.name);
  int added = 0, there = 0, refused = 0;
  for (const auto& file : files) {
    std::string name = file.stem().string();
    if (std::find(existing.begin(), existing.end(), name) != existing.end()) {
      out << "  " << name << ": already a connection, left as it is\n";
      ++there;
      continue;
    }
    auto config = read_fleet_config_file(file.string(), "connections import", "was not added", err);
    if (!config) {
      ++refused;
      continue;
    }
    auto id = fleet::add_connection(db, name, config->text);
    if (!id.ok()) {
      err << "lpsync connections import: " << name << ": " << id.error().message << "\n";
      ++refused;
      continue;
    }
    out << "  " << name << ": added (id " << id.value() << ")\n";
    ++added;
  }
  out << "Imported " << added << " of " << files.size() << " config files from " << dir << " (" << there
      << " already connections, " << refused << " refused); workers take the new ones within one lease period.\n";
  return refused > 0 ? kExitFailed : kExitOk;
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
  bool named = action == "add" || action == "remove" || action == "import";
  if ((action != "list" && !named) || pos.size() != (named ? 2u : 1u)) {
    err << "lpsync connections: expected add NAME, import DIR, list or remove NAME.\n" << kUsage;
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
    if (action == "import") return import_dir(*db, pos[1], out, err);
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
