#include "tools/live/console_settings.h"

#include "engine/env/json.h"
#include "tools/live/cassette.h"
#include "tools/live/config_reader.h"

namespace lpsync::live {

namespace bj = boost::json;

std::optional<Settings> check_settings(const bj::object& proposed, std::vector<std::string>& errors) {
  // No environment: a setting is never a secret.
  ConfigReader r("settings", [](const std::string&) { return std::nullopt; });
  Settings s = read_settings(r, proposed, "");
  std::string invalid = r.errors().empty() ? validate(s) : "";
  errors = r.errors();
  if (!invalid.empty()) errors.push_back(invalid);
  if (!errors.empty()) return std::nullopt;
  return s;
}

namespace {

bj::object saved(const std::optional<std::string>& text) {
  if (!text || text->empty()) return {};
  try {
    bj::value v = json::parse(*text);
    return v.is_object() ? v.as_object() : bj::object{};
  } catch (const json::Error&) {
    return {};
  }
}

}  // namespace

std::optional<Settings> console_settings(const StateStore& store) { return console_settings(store.value(kConsoleSettingsKey)); }

std::optional<Settings> console_settings(const std::optional<std::string>& value) {
  bj::object doc = saved(value);
  const bj::value* s = doc.if_contains("settings");
  if (!s || !s->is_object()) return std::nullopt;
  std::vector<std::string> errors;
  return check_settings(s->as_object(), errors);
}

Settings effective_settings(const LiveConfig& config, const StateStore& store) {
  return console_settings(store).value_or(config.settings);
}

bj::array settings_changes(const Settings& before, const Settings& after) {
  bj::object a = settings_json(before), b = settings_json(after);
  bj::array changes;
  for (const auto& [key, value] : b) {
    const bj::value* old = a.if_contains(key);
    if (old && *old == value) continue;
    changes.push_back(bj::object{{"setting", key}, {"from", old ? *old : bj::value()}, {"to", value}});
  }
  return changes;
}

bj::array settings_log(const StateStore& store) {
  bj::object doc = saved(store.value(kConsoleSettingsKey));
  const bj::value* log = doc.if_contains("log");
  return log && log->is_array() ? log->as_array() : bj::array{};
}

void save_console_settings(StateStore& store, const Settings& before, const Settings& after, const std::string& user,
                           Instant at) {
  bj::array log = settings_log(store);
  bj::array changes = settings_changes(before, after);
  if (!changes.empty()) {
    log.push_back(bj::object{{"at", format_iso8601(at)}, {"user", user}, {"changes", std::move(changes)}});
  }
  while (log.size() > kSettingsLogKept) log.erase(log.begin());
  store.put_value(kConsoleSettingsKey,
                  json::serialize(bj::object{{"settings", settings_json(after)}, {"log", std::move(log)}}));
}

}  // namespace lpsync::live
