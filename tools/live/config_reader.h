// The checks every part of the config file needs: typed keys that report a problem at their
// own path ("lightspeed.cluster: ...") and carry on, so one run lists every problem; unknown
// keys with the closest known one; secrets that may come from the environment ("env:NAME")
// and are never echoed.
#pragma once

#include <boost/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tools/live/config.h"

namespace lpsync::live {

class ConfigReader {
 public:
  ConfigReader(std::string file, Environment env) : file_(std::move(file)), env_(std::move(env)) {}

  void error(const std::string& path, const std::string& message);
  const std::vector<std::string>& errors() const { return errors_; }

  // The object at `path` (nullptr, with an error, when it is something else).
  const boost::json::object* object(const boost::json::value& v, const std::string& path);
  // Reports every key of `o` that is not in `known`.
  void known_keys(const boost::json::object& o, const std::string& path, std::initializer_list<std::string_view> known);

  // Typed members; absent (or null) gives nullopt, and an error when `required`.
  std::optional<std::string> string(const boost::json::object& o, const std::string& path, std::string_view key,
                                    bool required = false);
  std::optional<bool> boolean(const boost::json::object& o, const std::string& path, std::string_view key);
  std::optional<int64_t> integer(const boost::json::object& o, const std::string& path, std::string_view key);
  // A secret: a non-empty string, or "env:NAME" read from the environment.
  std::optional<std::string> secret(const boost::json::object& o, const std::string& path, std::string_view key);

 private:
  std::string file_;
  Environment env_;
  std::vector<std::string> errors_;
};

// "a.b" or "b" when `parent` is empty.
std::string join_path(const std::string& parent, std::string_view key);

}  // namespace lpsync::live

namespace lpsync::live {

// The `alerts` object (config_alerts.cc).
AlertsSection read_alerts(ConfigReader& r, const boost::json::object& o);

// The `settings` object (sync-rules.md section 1): the defaults of a new connection for
// every key it does not give.
Settings read_settings(ConfigReader& r, const boost::json::object& o, const std::string& path);

}  // namespace lpsync::live
