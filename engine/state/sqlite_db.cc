#include "engine/state/sqlite_db.h"

namespace lpsync::sqlite {
namespace {

Failure failure_of(sqlite3* db, int rc) {
  if (!db) return Failure{rc, sqlite3_errstr(rc)};
  return Failure{sqlite3_extended_errcode(db), sqlite3_errmsg(db)};
}

// What a person can do about a failure, by its primary code.
std::string_view advice(int code) {
  switch (code & 0xff) {
    case SQLITE_FULL: return "The disk (or the database's size limit) is full: free space, then start lpsync again.";
    case SQLITE_IOERR: return "The disk reported an I/O error: check the disk, then start lpsync again.";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return "The database file is damaged: restore it from a backup, or move it away and start with empty state "
             "(docs/state.md says what that costs).";
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return "The file or its directory is not writable by this user: fix the permissions, then start lpsync again.";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "Another program holds the database: close it, then start lpsync again.";
    default: return "";
  }
}

}  // namespace

Query::Query(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Query::~Query() {
  if (stmt_) sqlite3_reset(stmt_);
}

void Query::fail(int rc) const { throw failure_of(db_, rc); }

Query& Query::bind(int index, int64_t value) {
  if (int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) fail(rc);
  return *this;
}

Query& Query::bind(int index, std::string_view value) {
  int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) fail(rc);
  return *this;
}

bool Query::next() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(rc);
}

void Query::run() {
  while (next()) {
  }
}

std::string Query::text(int column) const {
  const unsigned char* p = sqlite3_column_text(stmt_, column);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}

std::optional<Failure> Db::open(const std::string& path, std::unique_ptr<Db>& out) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    Failure f = failure_of(db, rc);
    sqlite3_close_v2(db);
    return f;
  }
  sqlite3_extended_result_codes(db, 1);
  // Another program reading the file (a backup) may hold a lock for a moment: wait for it.
  sqlite3_busy_timeout(db, 5000);
  out.reset(new Db(db, path));
  return std::nullopt;
}

Db::~Db() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Query Db::query(const char* sql) {
  auto it = statements_.find(std::string_view(sql));
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) throw failure_of(db_, rc);
    it = statements_.emplace(sql, stmt).first;
  }
  return Query(db_, it->second);
}

void Db::exec(const char* sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return;
  Failure f{sqlite3_extended_errcode(db_), error ? error : sqlite3_errstr(rc)};
  sqlite3_free(error);
  throw f;
}

int64_t Db::integer_of(const char* sql) {
  Query q = query(sql);
  return q.next() ? q.integer(0) : 0;
}

std::string Db::text_of(const char* sql) {
  Query q = query(sql);
  return q.next() ? q.text(0) : std::string();
}

void Db::begin() {
  if (depth_ == 0) {
    exec("BEGIN IMMEDIATE");
  } else {
    exec(("SAVEPOINT s" + std::to_string(depth_)).c_str());
  }
  ++depth_;
}

void Db::commit() {
  int level = depth_ - 1;
  exec(level == 0 ? "COMMIT" : ("RELEASE s" + std::to_string(level)).c_str());
  --depth_;
}

void Db::rollback() noexcept {
  int level = depth_ - 1;
  --depth_;
  ++rollbacks_;
  // SQLite may already have rolled the whole transaction back (disk full, I/O error).
  if (sqlite3_get_autocommit(db_)) return;
  std::string sql = level == 0 ? "ROLLBACK" : "ROLLBACK TO s" + std::to_string(level) + "; RELEASE s" + std::to_string(level);
  sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
}

void Db::raise(const Failure& f, std::string_view what) const {
  std::string where = "lpsync state database " + path_ + ": could not " + std::string(what) + ": " + f.message;
  if ((f.code & 0xff) == SQLITE_CONSTRAINT) throw std::logic_error(where);
  std::string text = where + ". Nothing of this change was kept. ";
  text += advice(f.code);
  throw StateStoreError(text);
}

}  // namespace lpsync::sqlite
