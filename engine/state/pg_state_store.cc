// Opening, the fence, transactions, and the small parts of the PostgreSQL store (held orders,
// shop stock, named values). Links, intents and shipments: pg_links.cc; the bulk import:
// pg_bulk_import.cc.
#include "engine/state/pg_state_store.h"

#include "engine/env/check.h"
#include "engine/state/pg_db.h"
#include "engine/state/pg_schema.h"
#include "engine/state/state_words.h"

namespace lpsync {
namespace {

// Named values are bytes; they travel as hex (the parameters are text).
std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::optional<std::string> from_hex(std::string_view hex) {
  auto digit = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
  if (hex.size() % 2) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = digit(hex[i]), lo = digit(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<PgStateStore>, StoreProblem> PgStateStore::open(const std::string& url, LeaseToken lease) {
  using R = Result<std::unique_ptr<PgStateStore>, StoreProblem>;
  auto db = pg::Db::connect(url);
  if (!db.ok()) return R::failure(StoreProblem::cannot_create, db.error().message);
  try {
    pg::migrate(*db.value());
    pg::Rows known = db.value()->exec("find the connection", "SELECT 1 FROM connections WHERE id = $1", {lease.connection_id});
    if (known.size() == 0) {
      return R::failure(StoreProblem::not_a_database, "the database has no connection " + std::to_string(lease.connection_id) +
                                                          ": add it with `lpsync connections add`, or check the database URL");
    }
  } catch (const StateStoreError& e) {
    std::string m = e.what();
    bool newer = m.find("newer lpsync") != std::string::npos;
    return R::failure(newer ? StoreProblem::newer_schema : StoreProblem::io_error, m);
  }
  return R(std::unique_ptr<PgStateStore>(new PgStateStore(std::shared_ptr<pg::Db>(std::move(db).value()), lease)));
}

Result<std::unique_ptr<PgStateStore>, StoreProblem> PgStateStore::open_shared(std::shared_ptr<pg::Db> db,
                                                                             LeaseToken lease) {
  using R = Result<std::unique_ptr<PgStateStore>, StoreProblem>;
  LPSYNC_CHECK(db != nullptr && !db->in_transaction(), "a shared session is handed over between transactions");
  try {
    pg::Rows known = db->exec("find the connection", "SELECT 1 FROM connections WHERE id = $1", {lease.connection_id});
    if (known.size() == 0) {
      return R::failure(StoreProblem::not_a_database,
                        "the database has no connection " + std::to_string(lease.connection_id) + " (removed meanwhile)");
    }
  } catch (const StateStoreError& e) {
    return R::failure(StoreProblem::io_error, e.what());
  }
  return R(std::unique_ptr<PgStateStore>(new PgStateStore(std::move(db), lease)));
}

PgStateStore::PgStateStore(std::shared_ptr<pg::Db> db, LeaseToken lease) : db_(std::move(db)), lease_(lease) {}
PgStateStore::~PgStateStore() = default;

int PgStateStore::backend_pid() const { return db_->backend_pid(); }

void PgStateStore::check_fence(std::string_view what) {
  pg::Rows r = db_->exec(what,
                         "SELECT token, expires_at > clock_timestamp() FROM leases WHERE connection_id = $1 FOR SHARE",
                         {lease_.connection_id});
  if (r.size() == 1 && r.integer(0, 0) == lease_.token && r.flag(0, 1)) return;
  std::string why = r.size() == 0 ? "no worker holds it now"
                    : r.integer(0, 0) != lease_.token ? "another worker claimed it (token " + std::to_string(r.integer(0, 0)) + ")"
                                                       : "it expired";
  throw LeaseLost("refused to " + std::string(what) + ": this worker's lease of connection " + connection() +
                  " (token " + std::to_string(lease_.token) + ") is lost: " + why + ". Nothing was written; the connection's " +
                  "current owner carries on.");
}

void PgStateStore::write(std::string_view what, const std::function<void()>& body) {
  bool outermost = !db_->in_transaction();
  db_->write(what, [&] {
    if (outermost) check_fence(what);
    body();
  });
}

void PgStateStore::atomically(const std::function<void()>& writes) { write("store several changes as one", writes); }

void PgStateStore::put_held(const std::vector<HeldOrder>& held) {
  write("store the held orders", [&] {
    db_->exec("store the held orders", "DELETE FROM held_orders WHERE connection_id = $1", {lease_.connection_id});
    int position = 0;
    for (const HeldOrder& h : held) {
      db_->exec("store the held orders",
                "INSERT INTO held_orders (connection_id, position, ls_order_id, number, reason, decided_at_ms) "
                "VALUES ($1, $2, $3, $4, $5, $6)",
                {lease_.connection_id, position++, h.ls_order_id, h.number, to_string(h.reason), h.decided_at.unix_millis()});
    }
  });
}

std::vector<HeldOrder> PgStateStore::held() const {
  pg::Rows r = db_->exec("read the held orders",
                         "SELECT ls_order_id, number, reason, decided_at_ms FROM held_orders WHERE connection_id = $1 "
                         "ORDER BY position",
                         {lease_.connection_id});
  std::vector<HeldOrder> out;
  for (int i = 0; i < r.size(); ++i) {
    auto reason = parse_held_reason(*r.text(i, 2));
    if (!reason) throw StateStoreError("the held orders in PostgreSQL name an unknown reason '" + *r.text(i, 2) + "'");
    out.push_back({r.integer(i, 0), *r.text(i, 1), *reason, Instant::from_unix_millis(r.integer(i, 3))});
  }
  return out;
}

std::optional<int64_t> PgStateStore::shop_stock(int64_t variant_id) const {
  pg::Rows r = db_->exec("read a shop stock level",
                         "SELECT level FROM shop_stock WHERE connection_id = $1 AND variant_id = $2",
                         {lease_.connection_id, variant_id});
  if (r.size() == 0) return std::nullopt;
  return r.integer(0, 0);
}

void PgStateStore::put_shop_stock(int64_t variant_id, int64_t level) {
  write("store a shop stock level", [&] {
    db_->exec("store a shop stock level",
              "INSERT INTO shop_stock (connection_id, variant_id, level) VALUES ($1, $2, $3) "
              "ON CONFLICT (connection_id, variant_id) DO UPDATE SET level = excluded.level",
              {lease_.connection_id, variant_id, level});
  });
}

std::optional<std::string> PgStateStore::value(const std::string& key) const {
  pg::Rows r = db_->exec("read a named value",
                         "SELECT encode(value, 'hex') FROM named_values WHERE connection_id = $1 AND key = $2",
                         {lease_.connection_id, key});
  if (r.size() == 0) return std::nullopt;
  std::optional<std::string> bytes = from_hex(*r.text(0, 0));
  if (!bytes) throw StateStoreError("the value " + key + " in PostgreSQL is damaged");
  return bytes;
}

std::vector<std::string> PgStateStore::value_keys() const {
  pg::Rows r = db_->exec("read the names of the values",
                         "SELECT key FROM named_values WHERE connection_id = $1 ORDER BY key", {lease_.connection_id});
  std::vector<std::string> keys;
  for (int i = 0; i < r.size(); ++i) keys.push_back(*r.text(i, 0));
  return keys;
}

void PgStateStore::put_value(const std::string& key, const std::string& value) {
  write("store the value " + key, [&] {
    db_->exec("store the value " + key,
              "INSERT INTO named_values (connection_id, key, value) VALUES ($1, $2, decode($3, 'hex')) "
              "ON CONFLICT (connection_id, key) DO UPDATE SET value = excluded.value",
              {lease_.connection_id, key, to_hex(value)});
  });
}

}  // namespace lpsync
