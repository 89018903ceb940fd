// Settings changed in the console (issue 19) live in the state store and win over the config
// file's `settings`: a running `lpsync run` applies them at once (Engine::change_settings), and
// every change is logged with its time and user. The config file's settings are where a new
// connection starts; `lpsync status` shows both.
#pragma once

#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "engine/env/time.h"
#include "engine/rules/settings.h"
#include "engine/state/state_store.h"
#include "tools/live/config.h"

namespace lpsync::live {

// One value, so the settings and their log entry are written together:
// {"settings": {...}, "log": [{"at", "user", "changes"}, ...]}.
inline constexpr char kConsoleSettingsKey[] = "console.settings";
inline constexpr size_t kSettingsLogKept = 200;

// `proposed` checked as the config file's `settings` object is (every problem in `errors`).
std::optional<Settings> check_settings(const boost::json::object& proposed, std::vector<std::string>& errors);

// The console's saved settings in `store`, if any and readable.
std::optional<Settings> console_settings(const StateStore& store);
// The same from the stored value (kConsoleSettingsKey) read already.
std::optional<Settings> console_settings(const std::optional<std::string>& value);
// What is in force: the console's saved settings, else the config file's.
Settings effective_settings(const LiveConfig& config, const StateStore& store);

// Each setting that differs: [{"setting", "from", "to"}], in the order of settings_json.
boost::json::array settings_changes(const Settings& before, const Settings& after);

// Saves `after` as the console's settings and appends {"at", "user", "changes"} to the change
// log (the newest kSettingsLogKept kept). No entry when nothing changed.
void save_console_settings(StateStore& store, const Settings& before, const Settings& after, const std::string& user,
                           Instant at);
// The change log, oldest first.
boost::json::array settings_log(const StateStore& store);

}  // namespace lpsync::live
