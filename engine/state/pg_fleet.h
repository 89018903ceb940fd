// The fleet's catalogue and leases in PostgreSQL (sync-rules section 11): the connections a
// fleet serves, and which worker holds which. A claim takes free or expired leases with
// FOR UPDATE SKIP LOCKED (workers never wait on each other) and raises each one's token, the
// fence every state write of the old owner then fails (pg_state_store.h). Lease times are the
// database's clock, so workers on machines whose clocks differ agree on them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/env/time.h"
#include "engine/state/pg_db.h"
#include "engine/state/pg_state_store.h"

namespace lpsync::fleet {

struct ConnectionRow {
  int64_t id = 0;
  std::string name;
  std::string config;
  std::string worker;  // '' when no worker holds it
  int64_t token = 0;
  bool leased = false;  // held and not expired
};

// Adds a connection (free, no worker); a person's message when the name is taken.
Result<int64_t, StoreProblem> add_connection(pg::Db& db, const std::string& name, const std::string& config);
// The same, with the lease already held by `worker` for `period` (token 1), so no worker can
// take the connection before its state is in place (migrate-state); hand it back after.
Result<LeaseToken, StoreProblem> add_connection_held(pg::Db& db, const std::string& name, const std::string& config,
                                                     const std::string& worker, Duration period);
// Removes a connection and all its state; false when there is none by that name.
bool remove_connection(pg::Db& db, const std::string& name);
std::vector<ConnectionRow> list_connections(pg::Db& db);
std::optional<ConnectionRow> find_connection(pg::Db& db, const std::string& name);
// Replaces a connection's config (its workers read it when they next start its engine); false
// when there is none by that name.
bool replace_config(pg::Db& db, const std::string& name, const std::string& config);

// A lease this worker just claimed.
struct Claim {
  LeaseToken lease;
  // When the previous owner's lease ended (database clock), when it did not hand the connection
  // back: that owner may still have had a request in flight (fleet_rules act_on_intents_after).
  std::optional<Instant> previous_ended;
  Instant claimed_at;  // database clock
};

class LeaseBook {
 public:
  LeaseBook(pg::Db& db, std::string worker, Duration period) : db_(db), worker_(std::move(worker)), period_(period) {}

  // Marks this worker alive; returns how many workers were seen within one lease period.
  int64_t heartbeat();
  int64_t connections();
  // Connections nobody holds, or whose lease expired.
  int64_t free_connections();
  // Claims up to `n` free connections, lowest ids first.
  std::vector<Claim> claim(int64_t n);
  // Extends each held lease by a period from now; returns the ones this worker no longer holds.
  std::vector<LeaseToken> renew(const std::vector<LeaseToken>& held);
  // Hands a connection back at once (its engine must have stopped first).
  void release(const LeaseToken& lease);

  const std::string& worker() const { return worker_; }
  Duration period() const { return period_; }

 private:
  pg::Db& db_;
  std::string worker_;
  Duration period_;
};

}  // namespace lpsync::fleet
