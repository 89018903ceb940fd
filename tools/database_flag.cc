#include "tools/database_flag.h"

#include <cstdlib>

#include "engine/state/pg_schema.h"

namespace lpsync::cli {

FleetDatabase open_fleet_database(const Args& args, std::string_view command, std::ostream& err) {
  std::string url = args.value_or("database", "");
  if (url.empty()) {
    err << "lpsync " << command << ": --database is required: the fleet's PostgreSQL database (a URL, or env:NAME).\n";
    return {};
  }
  if (url.starts_with("env:")) {
    const char* v = std::getenv(url.substr(4).c_str());
    if (!v || !*v) {
      err << "lpsync " << command << ": --database " << url << ": the environment variable " << url.substr(4)
          << " is not set: set it to the database URL.\n";
      return {};
    }
    url = v;
  }
  auto db = pg::Db::connect(url);
  if (!db.ok()) {
    err << "lpsync " << command << ": " << db.error().message << "\n";
    return {};
  }
  try {
    pg::migrate(*db.value());
  } catch (const StateStoreError& e) {
    err << "lpsync " << command << ": " << e.what() << "\n";
    return {};
  }
  return {std::move(db).value(), url};
}

}  // namespace lpsync::cli
