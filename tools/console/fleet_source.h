// The console's connections as a fleet's PostgreSQL database (`lpsync console --database URL`,
// connection_source.h): configs are rows of `connections`, each state is read from the
// database (reads are not fenced by leases), and commands wait in `console_commands` for the
// worker holding the connection (tools/fleet/console_commands.h), settings too: only that
// worker may write the state. Requests share a pool of at most kMaxSessions database sessions,
// each used by one request at a time; a request finding all in use waits for one.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

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

  // Runs `body(db)` on a session of the pool (one caller per session at a time); false with
  // `error` when the database cannot be reached or refused the work. A session whose work
  // failed is closed, not reused.
  bool with_db(const std::function<void(std::shared_ptr<pg::Db>&)>& body, std::string& error);
  static constexpr size_t kMaxSessions = 4;

 private:
  // A session from the pool, a new one, or nullptr with `error`; waits while all are in use.
  std::shared_ptr<pg::Db> take_session(std::string& error);
  void give_back(std::shared_ptr<pg::Db> db);  // nullptr: the session is gone

  std::string url_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::shared_ptr<pg::Db>> idle_;
  size_t open_ = 0;         // sessions in use or idle (or being opened), at most kMaxSessions
  std::mutex migrate_mu_;   // the schema is brought up to date once, by one session
  bool migrated_ = false;
};

}  // namespace lpsync::console
