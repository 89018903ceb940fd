// The console's connections as a fleet's PostgreSQL database (`lpsync console --database URL`,
// connection_source.h): configs are rows of `connections`, each state is read from the
// database (reads are not fenced by leases), and commands wait in `console_commands` for the
// worker holding the connection (tools/fleet/console_commands.h), settings too: only that
// worker may write the state. One database session, used by one request at a time.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "engine/state/pg_db.h"
#include "tools/console/connection_source.h"

namespace lpsync::console {

class FleetSource final : public ConnectionSource {
 public:
  // `url`: a libpq connection string or URL (never shown). Connects at first use.
  explicit FleetSource(std::string url) : url_(std::move(url)) {}

  std::string where() const override { return "the fleet database"; }
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
  std::string runner() const override { return "the connection's worker"; }
  std::string how_to_run(const std::string& name, const live::LiveConfig& config) const override;
  std::string plan(const std::string& name, const PlanRunner& plan) override;

  // Runs `body(db)` on the session, one caller at a time; false with `error` when the database
  // cannot be reached or refused the work.
  bool with_db(const std::function<void(std::shared_ptr<pg::Db>&)>& body, std::string& error);

 private:
  std::string url_;
  std::mutex mu_;
  std::shared_ptr<pg::Db> db_;
};

}  // namespace lpsync::console
