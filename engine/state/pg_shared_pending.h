// The fleet's SharedPending (engine/state/shared_pending.h): one connection's pending
// quantities in the PostgreSQL database every worker shares, table pending_quantities
// (connection_id, picqer_account, productcode, quantity). Written through the connection's
// PgStateStore, so every publish is fenced by its lease (a worker whose lease was lost
// writes nothing: LeaseLost), and deleted with the connection.
#pragma once

#include <string>
#include <utility>

#include "engine/state/pg_state_store.h"
#include "engine/state/shared_pending.h"

namespace lpsync {

class PgSharedPending final : public SharedPending {
 public:
  // `store`: the connection's store (it must outlive this); `picqer_account`: which Picqer
  // account the connection uses (Connection::picqer_account()), never a key.
  PgSharedPending(PgStateStore& store, std::string picqer_account)
      : store_(store), picqer_account_(std::move(picqer_account)) {}
  void publish(const PendingByCode& pending) override { store_.put_pending_quantities(picqer_account_, pending); }
  PendingByCode others(const std::set<std::string>& productcodes) const override {
    return store_.others_pending(picqer_account_, productcodes);
  }

 private:
  PgStateStore& store_;
  std::string picqer_account_;
};

}  // namespace lpsync
