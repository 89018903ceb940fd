// Where the console's connections are (issue 19): a directory of config files, each run by its
// own `lpsync run` with a SQLite state beside it (dir_source.h), or a fleet's PostgreSQL
// database, whose workers run them (fleet_source.h). The pages ask a source for the configs,
// the status of each state, the story of an order or SKU, and where to leave a command; the
// rest of the console is the same for both. Every method is thread-safe.
#pragma once

#include <boost/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/env/time.h"
#include "engine/rules/settings.h"
#include "tools/console/connection_actions.h"
#include "tools/live/command_box.h"
#include "tools/live/config.h"
#include "tools/live/explain_run.h"
#include "tools/live/status_run.h"

namespace lpsync::console {

// Runs `lpsync plan --config FILE`: its output, or why it could not run.
using PlanRunner = std::function<std::string(const std::string& config_file)>;

// One connection of the list, as the home page shows it.
struct ListedConnection {
  std::string name;
  std::optional<std::string> config;  // the config's text (nullopt: it cannot be read)
  live::ConfigResult parsed;          // that text checked (parse())
  std::optional<Settings> settings;   // in force (as settings()), when the config is valid
  std::string state;                  // "has state", "run by worker w1", ...
};

class ConnectionSource {
 public:
  static constexpr size_t kMaxConnections = 1000;  // listed on one page

  virtual ~ConnectionSource() = default;

  // Where the connections are, in words ("the config files in /etc/lpsync").
  virtual std::string where() const = 0;
  // Every connection, by name (at most kMaxConnections), with its settings in force read in
  // as few reads as the source allows; `error` when the list cannot be read.
  virtual std::vector<ListedConnection> list(std::string& error) = 0;
  // A connection's config as stored (keys as written, or env:NAME); nullopt when there is none.
  virtual std::optional<std::string> config_text(const std::string& name) = 0;
  // Stores a new connection's config (`is_new`: refused when the name is taken) or replaces one's.
  virtual bool put_config(const std::string& name, const std::string& text, bool is_new, std::string& error) = 0;
  // A connection's config text checked as what runs it reads it (its file's place, how an
  // env:NAME secret is read here).
  virtual live::ConfigResult parse(const std::string& name, const std::string& text) const = 0;

  // The status of the connection's state, and whether something runs it now (running_note).
  virtual live::StatusRead status(const std::string& name, const live::LiveConfig& config) = 0;
  // The settings in force: the console's saved ones, else the config's (cheaper than status()).
  virtual Settings settings(const std::string& name, const live::LiveConfig& config) = 0;
  // Where the connection's commands wait for what runs it.
  virtual std::unique_ptr<live::CommandQueue> commands(const std::string& name, const live::LiveConfig& config) = 0;
  // Saves settings checked already: at once when nothing runs the connection and the state can
  // be written here, else as a command for what runs it.
  virtual ActionOutcome change_settings(const std::string& name, const live::LiveConfig& config,
                                        const Settings& settings, const std::string& user, Instant now) = 0;
  // The story of one order or SKU; nullopt with `error` in words.
  virtual std::optional<boost::json::object> story(const std::string& name, const live::LiveConfig& config,
                                                   const live::ExplainWhat& what, std::string& error) = 0;
  // What runs a connection, for the pages: who ("lpsync run") and how to start it.
  virtual std::string runner() const = 0;
  virtual std::string how_to_run(const std::string& name, const live::LiveConfig& config) const = 0;
  // `lpsync plan` of the connection (the wizard's summary).
  virtual std::string plan(const std::string& name, const PlanRunner& plan) = 0;

  // The connection's checked config; nullopt with `error` in words. `exists` (if given) says
  // whether there is a connection by that name at all (a config with problems is one).
  std::optional<live::LiveConfig> find(const std::string& name, std::string& error, bool* exists = nullptr);
  // The stored config as a JSON object (to change a part of it); nullopt when unreadable.
  std::optional<boost::json::object> config_object(const std::string& name);
};

// A plain connection name ("acme": letters, digits, - and _, at most 64).
bool is_connection_name(const std::string& name);

}  // namespace lpsync::console
