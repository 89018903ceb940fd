#include "tools/fleet_flags.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

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

std::optional<FleetConfig> read_fleet_config(const Args& args, std::string_view command, std::string_view not_done,
                                             std::ostream& err) {
  std::string file = args.value_or("config", "");
  if (file.empty()) {
    err << "lpsync " << command << ": --config FILE is required: the connection's config file (docs/live.md).\n";
    return std::nullopt;
  }
  return read_fleet_config_file(file, command, not_done, err);
}

std::optional<FleetConfig> read_fleet_config_file(const std::string& file, std::string_view command,
                                                  std::string_view not_done, std::ostream& err) {
  std::ifstream in(file);
  if (!in) {
    err << "lpsync " << command << ": cannot read " << file << ": check the path.\n";
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  live::Environment any = [](const std::string&) -> std::optional<std::string> { return "set-on-the-workers"; };
  live::ConfigResult checked = live::parse_config(text.str(), file, any);
  if (!checked) {
    for (const auto& e : checked.errors) err << e << "\n";
    err << "lpsync " << command << ": " << file << " " << not_done << "; fix the problems above.\n";
    return std::nullopt;
  }
  return FleetConfig{text.str(), std::move(*checked.config)};
}

}  // namespace lpsync::cli
