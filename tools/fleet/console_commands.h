// The console's commands to a fleet's connections (issue 19; docs/console.md). In a fleet the
// console cannot reach the engine of a connection (it runs on some worker), so it leaves each
// command as a row of console_commands; the worker holding the connection takes its waiting
// commands every second on the engine's loop (as it takes webhooks, webhook_inbox.h), has
// them carried out (tools/live/command_runner.h) and leaves the answer in the row. A command
// left while no worker holds the connection waits for the one that takes it.
// Bounded as the file box of `lpsync run`: at most kMaxPending wait per connection, the
// newest kMaxAnswers taken ones are kept.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "engine/state/pg_db.h"
#include "tools/live/command_box.h"

namespace lpsync::fleet {

// One connection's commands in the fleet database. Not thread-safe: one Db, one thread at a time.
class PgCommands final : public live::CommandQueue {
 public:
  PgCommands(pg::Db& db, int64_t connection_id) : db_(db), connection_id_(connection_id) {}

  std::optional<std::string> submit(const std::string& kind, boost::json::object args, const std::string& user,
                                    Instant now, std::string& error) override;
  void answer(const std::string& id, const boost::json::object& answer) override;
  std::optional<boost::json::object> answer_of(const std::string& id) const override;
  bool waiting(const std::string& id) const override;

 private:
  pg::Db& db_;
  int64_t connection_id_;
};

// Takes (marks taken) up to `limit` waiting commands of `connections`, oldest first. A row that
// is not a command (its arguments not a JSON object) is answered as refused and not returned.
std::vector<std::pair<int64_t, live::BoxCommand>> take_console_commands(pg::Db& db,
                                                                        const std::vector<int64_t>& connections,
                                                                        int limit);

}  // namespace lpsync::fleet
