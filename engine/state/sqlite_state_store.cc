// Opening the database (every refusal as a value), the store's life cycle, and the small
// tables: named values and shop stock. The other tables' code: sqlite_links.cc,
// sqlite_intents.cc, sqlite_shipments.cc, sqlite_bulk_import.cc.
#include "engine/state/sqlite_state_store.h"

#include <filesystem>
#include <system_error>

#include "engine/state/schema.h"
#include "engine/state/sqlite_db.h"

namespace lpsync {
namespace {

namespace fs = std::filesystem;

using OpenResult = Result<OpenedStore, StoreProblem>;
using Refusal = Error<StoreProblem>;

OpenResult refuse(StoreProblem problem, std::string message) { return Refusal{problem, std::move(message)}; }

constexpr char kEmptyStateAdvice[] =
    "Restore it from a backup, or move it away and start again with empty state: the engine then finds what it "
    "already imported by looking it up in Picqer and the shop (it never creates twice), but products it created "
    "are then treated as the merchant's own (docs/state.md).";

// Checks that an existing file is an intact lpsync database this build can use, and says
// what it is otherwise.
std::optional<Refusal> check_existing(sqlite::Db& db, int64_t& version) {
  const std::string& path = db.path();
  int64_t application_id = 0;
  int64_t tables = 0;
  try {
    application_id = db.integer_of("PRAGMA application_id");
    version = db.integer_of("PRAGMA user_version");
    tables = db.integer_of("SELECT count(*) FROM sqlite_schema");
  } catch (const sqlite::Failure& f) {
    if ((f.code & 0xff) == SQLITE_NOTADB) {
      return Refusal{StoreProblem::not_a_database,
                     path + " is not an lpsync state database (SQLite says: " + f.message +
                         "). lpsync left it unchanged. If it is the engine's database it is damaged: " +
                         kEmptyStateAdvice + " Otherwise give lpsync another path."};
    }
    return Refusal{(f.code & 0xff) == SQLITE_CORRUPT ? StoreProblem::corrupt : StoreProblem::io_error,
                   "cannot read " + path + ": " + f.message + ". " + kEmptyStateAdvice};
  }
  if (application_id != sqlite::kApplicationId && (application_id != 0 || tables != 0)) {
    return Refusal{StoreProblem::not_a_database,
                   path +
                       " is an SQLite database of another program, not lpsync's state. lpsync left it "
                       "unchanged: give lpsync another path."};
  }
  if (version > sqlite::current_schema_version()) {
    return Refusal{StoreProblem::newer_schema,
                   path + " was written by a newer lpsync (schema version " + std::to_string(version) +
                       "; this build knows versions up to " + std::to_string(sqlite::current_schema_version()) +
                       "). lpsync left it unchanged. Run that newer lpsync (or a later one); an older "
                       "build cannot read what it stored."};
  }
  try {
    std::string check = db.text_of("PRAGMA quick_check");
    if (check != "ok") {
      return Refusal{StoreProblem::corrupt, path + " is damaged (SQLite's check says: " + check + "). " +
                                                "lpsync left it unchanged. " + kEmptyStateAdvice};
    }
  } catch (const sqlite::Failure& f) {
    return Refusal{StoreProblem::corrupt,
                   path + " is damaged (" + f.message + "). lpsync left it unchanged. " + kEmptyStateAdvice};
  }
  return std::nullopt;
}

// Creates the directory the database goes in, when missing; says why it cannot.
std::optional<Refusal> make_directory_for(const std::string& path) {
  std::error_code ec;
  fs::path dir = fs::path(path).parent_path();
  if (!dir.empty() && fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    return Refusal{StoreProblem::cannot_create, "cannot create the state database in " + dir.string() +
                                                    ": it is a file, not a directory. Choose another path."};
  }
  if (!dir.empty() && !fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) {
      return Refusal{StoreProblem::cannot_create, "cannot create the directory " + dir.string() +
                                                      " for the state database: " + ec.message() +
                                                      ". Create it (or choose another path) and start again."};
    }
  }
  return std::nullopt;
}

// WAL journal, the durability asked for, foreign keys, the exclusive lock taken at once, and the
// schema migrated from `version` to the current one.
std::optional<Refusal> set_up(sqlite::Db& db, SqliteOptions options, int64_t version) {
  const std::string& path = db.path();
  try {
    std::string mode = db.text_of("PRAGMA journal_mode = WAL");
    if (mode != "wal") {
      return Refusal{StoreProblem::io_error, "cannot switch " + path + " to WAL mode (it stays in " + mode +
                                                 " mode): the file system may not support it. Use a local disk."};
    }
    db.exec(options.durability == SqliteOptions::Durability::full ? "PRAGMA synchronous = FULL"
                                                                   : "PRAGMA synchronous = OFF");
    db.exec("PRAGMA foreign_keys = ON");
    // Take the exclusive lock now, not at the first write: from here on no one else gets in.
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    sqlite::migrate(db, version);
  } catch (const sqlite::Failure& f) {
    return Refusal{StoreProblem::io_error, "cannot set up the state database " + path + ": " + f.message};
  } catch (const StateStoreError& e) {
    return Refusal{StoreProblem::io_error, e.what()};
  }
  return std::nullopt;
}

}  // namespace

OpenResult SqliteStateStore::open(const std::string& path, SqliteOptions options) {
  if (path.empty()) return refuse(StoreProblem::cannot_create, "no path given for the state database");
  if (auto refused = make_directory_for(path)) return std::move(*refused);
  std::error_code ec;
  bool existed = fs::exists(path, ec);
  bool was_empty = existed && fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0;
  std::string why;
  bool held_elsewhere = false;
  auto lock = LockFile::acquire(path, why, held_elsewhere);
  if (!lock) {
    if (held_elsewhere) {
      return refuse(StoreProblem::locked, "the state database " + path + " is in use: " + why +
                                              ". Two engines on one database would both import the same orders; "
                                              "stop the other one first, or give this one its own database.");
    }
    return refuse(StoreProblem::cannot_create, why + ". Check that the directory is writable by this user.");
  }
  std::unique_ptr<sqlite::Db> db;
  if (auto f = sqlite::Db::open(path, db)) {
    return refuse(StoreProblem::cannot_create, "cannot open the state database " + path + ": " + f->message +
                                                   ". Check that the path is a file this user may write.");
  }
  // The third lock, held by SQLite itself: in exclusive locking mode this connection keeps
  // the database's own lock from its first access until it closes, so no other connection,
  // from any process and by any path, can read or write the state while this store is open
  // (also where flock(2) is not enforced, as on some network file systems). WAL then keeps
  // its index in this process's memory: no -shm file.
  try {
    db->exec("PRAGMA locking_mode = EXCLUSIVE");
  } catch (const sqlite::Failure& f) {
    return refuse(StoreProblem::io_error, "cannot lock the state database " + path + ": " + f.message);
  }
  int64_t version = 0;
  if (existed) {
    if (auto refused = check_existing(*db, version)) return std::move(*refused);
  }
  if (auto refused = set_up(*db, options, version)) return std::move(*refused);
  std::string note;
  if (was_empty) {
    note = path + " was an empty file (0 bytes), not a database lpsync wrote (lpsync creates its own): it was "
                  "started as a new, empty database. If state was expected there, stop lpsync and restore it from a "
                  "backup.";
  }
  return OpenedStore{std::unique_ptr<SqliteStateStore>(new SqliteStateStore(std::move(*lock), std::move(db), path)),
                     std::move(note)};
}

SqliteStateStore::SqliteStateStore(LockFile lock, std::unique_ptr<sqlite::Db> db, std::string path)
    : lock_(std::move(lock)), db_(std::move(db)), path_(std::move(path)) {}

SqliteStateStore::~SqliteStateStore() = default;

int64_t SqliteStateStore::schema_version() const {
  return db_->read("read the schema version", [&] { return db_->integer_of("PRAGMA user_version"); });
}

void SqliteStateStore::atomically(const std::function<void()>& writes) { db_->write("store several changes", writes); }

void SqliteStateStore::limit_growth_for_test(int64_t pages) {
  int64_t limit = pages < 0 ? 1'073'741'823 : db_->integer_of("PRAGMA page_count") + pages;
  db_->integer_of(("PRAGMA max_page_count = " + std::to_string(limit)).c_str());
}

std::optional<std::string> SqliteStateStore::value(const std::string& key) const {
  return db_->read("read a named value", [&]() -> std::optional<std::string> {
    auto q = db_->query("SELECT value FROM named_values WHERE key = ?1");
    q.bind(1, key);
    if (!q.next()) return std::nullopt;
    return q.text(0);
  });
}

std::vector<std::string> SqliteStateStore::value_keys() const {
  return db_->read("read the names of the values", [&] {
    std::vector<std::string> keys;
    for (auto q = db_->query("SELECT key FROM named_values ORDER BY key"); q.next();) keys.push_back(q.text(0));
    return keys;
  });
}

void SqliteStateStore::put_value(const std::string& key, const std::string& value) {
  db_->write("store the value " + key, [&] {
    db_->query("INSERT INTO named_values (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
  });
}

std::optional<int64_t> SqliteStateStore::shop_stock(int64_t variant_id) const {
  return db_->read("read a shop stock level", [&]() -> std::optional<int64_t> {
    auto q = db_->query("SELECT level FROM shop_stock WHERE variant_id = ?1");
    q.bind(1, variant_id);
    if (!q.next()) return std::nullopt;
    return q.integer(0);
  });
}

void SqliteStateStore::put_shop_stock(int64_t variant_id, int64_t level) {
  db_->write("store the shop stock of variant " + std::to_string(variant_id), [&] {
    db_->query("INSERT INTO shop_stock (variant_id, level) VALUES (?1, ?2) ON CONFLICT (variant_id) DO UPDATE SET level = excluded.level")
        .bind(1, variant_id)
        .bind(2, level)
        .run();
  });
}

}  // namespace lpsync
