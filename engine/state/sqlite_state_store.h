// The engine's state in one SQLite file: WAL journal, a versioned schema migrated on open
// (schema.h), UNIQUE constraints that make a duplicate link impossible, and every write in
// a transaction (atomically() groups several into one). Opening takes an exclusive lock, so
// a second engine on the same database is refused. docs/state.md describes the schema, the
// commit points and every refusal. One thread at a time (the engine's clock thread).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "engine/env/result.h"
#include "engine/state/lock_file.h"
#include "engine/state/state_store.h"
#include "engine/state/store_errors.h"

namespace lpsync {
namespace sqlite {
class Db;
}

struct SqliteOptions {
  // How a commit reaches the disk. full: it survives a power cut (fsync at every commit;
  // live mode). process: it survives a crash of the process, not of the machine (the
  // simulated crashes of tests, where fsync would only cost time).
  enum class Durability { full, process };
  Durability durability = Durability::full;
};

class SqliteStateStore;

// What a successful open gives: the store, and what a person should know about it.
struct OpenedStore {
  std::unique_ptr<SqliteStateStore> store;
  std::string note;  // empty, or something to tell a person (an empty file was started anew)
};

class SqliteStateStore final : public StateStore {
 public:
  // Opens the database at `path`, creating it (and its directory) when missing and
  // migrating it to this build's schema. Never throws: every refusal is an error value
  // whose message says what is wrong and what to do.
  static Result<OpenedStore, StoreProblem> open(const std::string& path, SqliteOptions options = {});
  ~SqliteStateStore() override;

  const std::string& path() const { return path_; }
  int64_t schema_version() const;

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

  // Test hook: the file may grow by at most `pages` more pages (SQLITE_FULL beyond), the
  // way a full disk refuses a write. A negative value lifts the limit.
  void limit_growth_for_test(int64_t pages);

 private:
  SqliteStateStore(LockFile lock, std::unique_ptr<sqlite::Db> db, std::string path);
  BulkImport read_bulk_import() const;

  LockFile lock_;  // before db_: released after the connection is closed
  std::unique_ptr<sqlite::Db> db_;
  std::string path_;
  // The bulk import as last written or read, valid while no transaction has rolled back
  // since (this process is the only writer): put_bulk_import rewrites only the skipped
  // entries that changed, bulk_import() reads nothing.
  mutable std::optional<BulkImport> bulk_cache_;
  mutable uint64_t bulk_cache_rollbacks_ = 0;
};

}  // namespace lpsync
