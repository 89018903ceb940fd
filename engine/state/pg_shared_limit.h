// The fleet's SharedRateLimit (engine/client/shared_limit.h): the requests every worker sent
// on one account, counted in fixed windows of the database's clock (so workers on machines
// whose clocks differ agree), table api_budgets (account, window_start_ms, sent). Taking a
// slot is one statement that adds 1 only while the window is below the priority's cap. A
// count is not state: it is not fenced, and a slot taken by a worker that then lost its lease
// only leaves a window a request short.
#pragma once

#include <string>
#include <utility>

#include "engine/client/shared_limit.h"
#include "engine/state/pg_state_store.h"

namespace lpsync {

class PgSharedRateLimit final : public SharedRateLimit {
 public:
  // `store`: the connection's store (it must outlive this); `account`: what the API counts
  // requests by, e.g. "picqer:acme.picqer.com:" and a fingerprint of the API key, never a key.
  PgSharedRateLimit(PgStateStore& store, std::string account, const WindowLimit& limit, Duration window)
      : store_(store), account_(std::move(account)), windows_(shared_windows(limit, window)) {}
  std::optional<Instant> take(Priority p, Instant now) override {
    std::optional<Duration> wait = store_.take_shared_slot(account_, windows_.window, shared_cap(windows_.per_window, p));
    if (!wait) return std::nullopt;
    return now + *wait;
  }

 private:
  PgStateStore& store_;
  std::string account_;
  SharedWindows windows_;
};

}  // namespace lpsync
