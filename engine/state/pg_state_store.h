// One connection's state in the fleet's PostgreSQL database (sync-rules section 11): the same
// StateStore contract as SQLite (engine/state/state_store.h), every row keyed by the
// connection, UNIQUE constraints per connection, every write a transaction (atomically()
// groups several into one).
//
// The fence: a store is opened for a lease (the connection and the lease's token). Every
// write transaction first reads the lease row FOR SHARE and goes on only while the row still
// carries this token and has not expired; otherwise it throws LeaseLost and writes nothing.
// Holding the row in share mode until the commit means a new owner's claim, which updates
// the row, waits for a write in flight and then invalidates every later one.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>

#include "engine/env/result.h"
#include "engine/rules/shared_pending_rules.h"
#include "engine/state/state_store.h"
#include "engine/state/store_errors.h"

namespace lpsync {
namespace pg {
class Db;
}

// The right to write one connection's state, as claimed by a worker.
struct LeaseToken {
  int64_t connection_id = 0;
  int64_t token = 0;
};

// A write refused because the lease it was made under is no longer this worker's.
class LeaseLost : public StateStoreError {
 public:
  using StateStoreError::StateStoreError;
};

class PgStateStore final : public StateStore {
 public:
  // Connects, migrates the schema to this build's version, and opens the state of the lease's
  // connection. Never throws: a refusal says what is wrong and what to do.
  static Result<std::unique_ptr<PgStateStore>, StoreProblem> open(const std::string& url, LeaseToken lease);
  // The same on a session shared with other stores (a fleet worker's engines on one thread
  // share one: 1,000 connections need not mean 1,000 server processes). The schema must be
  // migrated already; the stores must be used from one thread at a time.
  static Result<std::unique_ptr<PgStateStore>, StoreProblem> open_shared(std::shared_ptr<pg::Db> db, LeaseToken lease);
  ~PgStateStore() override;

  const LeaseToken& lease() const { return lease_; }
  // The session's server process (tests end it with pg_terminate_backend).
  int backend_pid() const;

  void atomically(const std::function<void()>& writes) override;

  std::optional<OrderLink> order_link(int64_t ls_order_id) const override;
  void put_order_link(const OrderLink& link) override;
  std::vector<OrderLink> order_links() const override;

  std::optional<ProductLink> product_link(int64_t variant_id) const override;
  std::optional<ProductLink> product_link_by_code(const std::string& productcode) const override;
  void put_product_link(const ProductLink& link) override;
  void remove_product_link(int64_t variant_id) override;
  std::vector<ProductLink> product_links() const override;
  std::vector<ProductLink> product_links_of(int64_t idproduct) const override;

  void begin_intent(const Intent& intent) override;
  void end_intent(IntentKind kind, const std::string& key) override;
  std::vector<Intent> intents() const override;

  void put_held(const std::vector<HeldOrder>& held) override;
  std::vector<HeldOrder> held() const override;

  std::optional<int64_t> shop_stock(int64_t variant_id) const override;
  void put_shop_stock(int64_t variant_id, int64_t level) override;

  std::optional<ShipmentPush> shipment_push(int64_t idshipment) const override;
  void put_shipment_push(const ShipmentPush& push) override;
  std::vector<ShipmentPush> shipment_pushes() const override;

  BulkImport bulk_import() const override;
  void put_bulk_import(const BulkImport& state) override;

  std::optional<std::string> value(const std::string& key) const override;
  void put_value(const std::string& key, const std::string& value) override;
  std::vector<std::string> value_keys() const override;

  void append_decisions(const std::vector<LoggedDecision>& entries, Instant keep_since, int64_t per_subject) override;
  std::vector<LoggedDecision> decisions_about(DecisionSubject kind, const std::string& subject) const override;

  // The connection's pending quantities on its Picqer account, shared with the other
  // connections on that account (sync-rules section 4; PgSharedPending in
  // pg_shared_pending.h). The write replaces the connection's rows and is fenced like every
  // other; the read sums the other connections' rows for the given productcodes.
  void put_pending_quantities(const std::string& picqer_account, const PendingByCode& pending);
  PendingByCode others_pending(const std::string& picqer_account, const std::set<std::string>& productcodes) const;
  // One request slot of `account` in the current window of `window` (database clock), while
  // fewer than `cap` were taken in it (pg_shared_limit.h). nullopt: taken; else the time until
  // the next window. Not fenced: a count, not state.
  std::optional<Duration> take_shared_slot(const std::string& account, Duration window, int64_t cap);

 private:
  PgStateStore(std::shared_ptr<pg::Db> db, LeaseToken lease);
  // Runs `body` as one fenced write transaction (a savepoint inside atomically()).
  void write(std::string_view what, const std::function<void()>& body);
  void check_fence(std::string_view what);
  std::string connection() const { return std::to_string(lease_.connection_id); }

  BulkImport read_bulk_import() const;

  std::shared_ptr<pg::Db> db_;
  LeaseToken lease_;
  // The bulk import as last written or read, valid while no transaction has rolled back since
  // (the lease makes this process the connection's only writer): put_bulk_import rewrites only
  // the skipped entries that changed.
  mutable std::optional<BulkImport> bulk_cache_;
  mutable uint64_t bulk_cache_rollbacks_ = 0;
};

}  // namespace lpsync
