#include "tools/console/dir_source.h"

#include <algorithm>
#include <filesystem>

#include "engine/state/sqlite_state_store.h"
#include "tools/console/config_file.h"
#include "tools/console/connection_pages.h"
#include "tools/live/cassette.h"
#include "tools/live/connection_setup.h"
#include "tools/live/console_settings.h"

namespace lpsync::console {
namespace {

namespace bj = boost::json;
namespace fs = std::filesystem;

constexpr int kStoryWaitTenths = 30;  // a running run answers within a second

}  // namespace

std::string DirSource::path_of(const std::string& name) const { return (fs::path(dir_) / (name + ".json")).string(); }

std::vector<ListedConnection> DirSource::list(std::string& error) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().stem().string();
    if (it->is_regular_file() && it->path().extension() == ".json" && is_connection_name(name)) names.push_back(name);
    if (names.size() >= kMaxConnections) break;
  }
  if (ec) error = "Cannot read " + dir_ + ": " + ec.message();
  std::sort(names.begin(), names.end());
  std::vector<ListedConnection> out;
  for (const auto& name : names) {
    ListedConnection c;
    c.name = name;
    c.config = config_text(name);
    if (c.config) c.parsed = parse(name, *c.config);
    if (c.parsed) {
      c.state = fs::exists(c.parsed.config->state_path) ? "has state" : "not run yet";
      c.settings = settings(name, *c.parsed.config);
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<std::string> DirSource::config_text(const std::string& name) {
  if (!is_connection_name(name) || !fs::is_regular_file(path_of(name))) return std::nullopt;
  return read_text_file(path_of(name));
}

bool DirSource::put_config(const std::string& name, const std::string& text, bool is_new, std::string& error) {
  std::string path = path_of(name);
  if (!is_connection_name(name)) {
    error = "Name the connection with letters, digits, - and _ (at most 64).";
    return false;
  }
  if (is_new && fs::exists(path)) {
    error = "A connection named " + name + " exists already: choose another name.";
    return false;
  }
  if (!write_private_file(path, text)) {
    error = "Cannot write " + path + ": check the directory's permissions.";
    return false;
  }
  return true;
}

live::ConfigResult DirSource::parse(const std::string& name, const std::string& text) const {
  return live::parse_config(text, path_of(name), live::process_environment());
}

live::StatusRead DirSource::status(const std::string&, const live::LiveConfig& config) { return live::read_status(config); }

Settings DirSource::settings(const std::string& name, const live::LiveConfig& config) {
  return settings_in_force(config, status(name, config));
}

std::unique_ptr<live::CommandQueue> DirSource::commands(const std::string&, const live::LiveConfig& config) {
  return std::make_unique<live::CommandBox>(config.state_path);
}

ActionOutcome DirSource::change_settings(const std::string& name, const live::LiveConfig& config,
                                         const Settings& settings, const std::string& user, Instant now) {
  std::string error, note;
  std::unique_ptr<SqliteStateStore> store = live::open_state(config, error, note);
  if (!store) {
    // Held by a running `lpsync run` (or unreadable: then the run will say why).
    ActionOutcome out = leave_command(*commands(name, config), "settings",
                                      bj::object{{"settings", live::settings_json(settings)}}, user, now);
    if (out.ok) out.message = "Saved for lpsync run, which applies it within a second while it runs.";
    return out;
  }
  live::save_console_settings(*store, live::effective_settings(config, *store), settings, user, now);
  return ActionOutcome{true, "Saved. lpsync run uses these settings from its next start.", ""};
}

std::optional<bj::object> DirSource::story(const std::string&, const live::LiveConfig& config,
                                           const live::ExplainWhat& what, std::string& error) {
  return live::find_story(config, what, kStoryWaitTenths, error);
}

std::string DirSource::how_to_run(const std::string&, const live::LiveConfig& config) const {
  return "lpsync run --config " + config.file;
}

std::string DirSource::plan(const std::string& name, const PlanRunner& plan) { return plan(path_of(name)); }

}  // namespace lpsync::console
