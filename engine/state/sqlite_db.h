// A small RAII layer over one SQLite connection: cached prepared statements, queries that
// reset themselves, and transactions that nest (a savepoint inside an open transaction),
// commit when their body returns and roll back when it throws. SQLite failures inside a
// transaction become StateStoreError (or std::logic_error for a violated constraint) with
// the database's path, what was being done and what a person can do about it.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/state/store_errors.h"

namespace lpsync::sqlite {

// A failed SQLite call, before it is described for people (see Db::read and Db::write).
struct Failure {
  int code;  // the extended result code
  std::string message;
};

// One execution of a cached prepared statement: bind, step, read columns. Resets the
// statement when it goes out of scope, so no read transaction outlives it.
class Query {
 public:
  Query(sqlite3* db, sqlite3_stmt* stmt);
  Query(Query&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  ~Query();

  Query& bind(int index, int64_t value);
  Query& bind(int index, std::string_view value);
  Query& bind(int index, bool value) { return bind(index, static_cast<int64_t>(value)); }
  // Steps once: true while there is a row to read.
  bool next();
  // Steps to the end (a write, or a read whose rows do not matter).
  void run();

  int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  bool flag(int column) const { return integer(column) != 0; }
  std::string text(int column) const;

 private:
  [[noreturn]] void fail(int rc) const;
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Db {
 public:
  // Opens (creating when missing) the file at `path`; a Failure when SQLite refuses.
  static std::optional<Failure> open(const std::string& path, std::unique_ptr<Db>& out);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

  // A query on the cached statement for `sql` (prepared once per connection).
  Query query(const char* sql);
  // Runs SQL text without results (PRAGMAs, schema steps); throws Failure.
  void exec(const char* sql);
  // The single value of a one-row query (PRAGMA user_version etc.); throws Failure.
  int64_t integer_of(const char* sql);
  std::string text_of(const char* sql);

  // Runs `body` in a transaction: committed when it returns, rolled back when it throws
  // (whatever it throws: a failure, a logic error, a simulated crash). Nested calls are
  // savepoints of the outer transaction. `what` says what is being stored, for messages.
  template <typename Body>
  void write(std::string_view what, Body&& body);
  // Runs reads; failures become StateStoreError like write's.
  template <typename Body>
  auto read(std::string_view what, Body&& body) -> decltype(body());

  // How many transactions (or savepoints) were rolled back on this connection so far.
  uint64_t rollbacks() const { return rollbacks_; }

  // The message for a failure while doing `what`, and the exception to throw for it.
  [[noreturn]] void raise(const Failure& f, std::string_view what) const;

 private:
  explicit Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  void begin();
  void commit();
  void rollback() noexcept;

  sqlite3* db_;
  std::string path_;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
  int depth_ = 0;
  uint64_t rollbacks_ = 0;
};

template <typename Body>
void Db::write(std::string_view what, Body&& body) {
  try {
    begin();
  } catch (const Failure& f) {
    raise(f, what);
  }
  try {
    body();
  } catch (const Failure& f) {
    rollback();
    raise(f, what);
  } catch (...) {
    rollback();
    throw;
  }
  try {
    commit();
  } catch (const Failure& f) {
    rollback();
    raise(f, what);
  }
}

template <typename Body>
auto Db::read(std::string_view what, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const Failure& f) {
    raise(f, what);
  }
}

}  // namespace lpsync::sqlite
