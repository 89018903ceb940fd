// The console's connections as a directory of config files (NAME.json), each run by its own
// `lpsync run` with a SQLite state beside it (connection_source.h). While a run holds its
// state, its commands go through the run's command box and its status is the run's status
// file; when none runs, settings are saved straight into the state.
#pragma once

#include <string>

#include "tools/console/connection_source.h"

namespace lpsync::console {

class DirSource final : public ConnectionSource {
 public:
  explicit DirSource(std::string dir) : dir_(std::move(dir)) {}

  std::string where() const override { return "the config files in " + dir_; }
  std::vector<ListedConnection> list(std::string& error) override;
  std::optional<std::string> config_text(const std::string& name) override;
  bool put_config(const std::string& name, const std::string& text, bool is_new, std::string& error) override;
  live::ConfigResult parse(const std::string& name, const std::string& text) const override;
  live::StatusRead status(const std::string& name, const live::LiveConfig& config) override;
  Settings settings(const std::string& name, const live::LiveConfig& config) override;
  std::unique_ptr<live::CommandQueue> commands(const std::string& name, const live::LiveConfig& config) override;
  ActionOutcome change_settings(const std::string& name, const live::LiveConfig& config, const Settings& settings,
                                const std::string& user, Instant now) override;
  std::optional<boost::json::object> story(const std::string& name, const live::LiveConfig& config,
                                           const live::ExplainWhat& what, std::string& error) override;
  std::string runner() const override { return "lpsync run"; }
  std::string how_to_run(const std::string& name, const live::LiveConfig& config) const override;
  std::string plan(const std::string& name, const PlanRunner& plan) override;

  // The config file of connection `name`.
  std::string path_of(const std::string& name) const;

 private:
  std::string dir_;
};

}  // namespace lpsync::console
