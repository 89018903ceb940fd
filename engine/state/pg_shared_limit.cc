// PgStateStore::take_shared_slot: the request counts of the accounts shared by connections
// (pg_shared_limit.h).
#include "engine/env/check.h"
#include "engine/state/pg_db.h"
#include "engine/state/pg_state_store.h"

namespace lpsync {

std::optional<Duration> PgStateStore::take_shared_slot(const std::string& account, Duration window, int64_t cap) {
  LPSYNC_CHECK(window > Duration() && cap > 0, "a shared window allows requests over a positive time");
  const std::string now_ms = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint";
  pg::Rows taken = db_->exec("take a request of the shared rate limit",
                             "INSERT INTO api_budgets AS b (account, window_start_ms, sent) "
                             "SELECT $1, t - t % $2, 1 FROM (SELECT " + now_ms + " AS t) AS now_ms "
                             "ON CONFLICT (account, window_start_ms) DO UPDATE SET sent = b.sent + 1 WHERE b.sent < $3 "
                             "RETURNING sent, window_start_ms",
                             {account, window.millis(), cap});
  if (taken.size() == 1) {
    if (taken.integer(0, 0) == 1) {
      // The first request of a new window: the account's old windows are of no more use.
      db_->exec("forget old windows of the shared rate limit",
                "DELETE FROM api_budgets WHERE account = $1 AND window_start_ms < $2",
                {account, taken.integer(0, 1) - Duration::minutes(10).millis()});
    }
    return std::nullopt;
  }
  pg::Rows left = db_->exec("read the shared rate limit's window", "SELECT $1 - " + now_ms + " % $1", {window.millis()});
  return Duration::millis(std::max<int64_t>(1, left.integer(0, 0)));
}

}  // namespace lpsync
