// A small layer over one libpq connection to PostgreSQL, in the style of sqlite_db.h: queries
// with parameters (text format), rows read by column, and transactions that nest (a savepoint
// inside an open transaction), commit when their body returns and roll back when it throws.
// Failures become StateStoreError with what was being done and what a person can do; a unique
// or foreign-key violation becomes std::logic_error, as in every store. The connection string
// is never part of a message (it may hold a password).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/env/result.h"
#include "engine/state/store_errors.h"

struct pg_conn;
struct pg_result;

namespace lpsync::pg {

// The rows of one query, read as text (NULL reads as nullopt).
class Rows {
 public:
  explicit Rows(pg_result* res) : res_(res) {}
  Rows(Rows&& other) noexcept : res_(other.res_) { other.res_ = nullptr; }
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;
  ~Rows();

  int size() const;
  std::optional<std::string> text(int row, int column) const;
  int64_t integer(int row, int column) const;  // a NULL or a non-number is an invariant break
  bool flag(int row, int column) const;         // PostgreSQL's boolean 't' / 'f'
  // The number of rows a write changed (UPDATE, DELETE, INSERT).
  int64_t changed() const;

 private:
  pg_result* res_;
};

// A query parameter: text, a number, or NULL.
struct Param {
  Param(std::string_view v) : value(std::string(v)) {}
  Param(const std::string& v) : value(v) {}
  Param(const char* v) : value(std::string(v)) {}
  Param(int64_t v) : value(std::to_string(v)) {}
  Param(int v) : value(std::to_string(v)) {}
  Param(bool v) : value(v ? "true" : "false") {}
  Param(std::nullopt_t) {}
  std::optional<std::string> value;
};

enum class ConnectProblem { refused, bad_url };

class Db {
 public:
  // Connects with a libpq connection string or URL. The message never repeats the string.
  static Result<std::unique_ptr<Db>, ConnectProblem> connect(const std::string& url);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one statement with $1.. parameters; throws StateStoreError (or std::logic_error for a
  // violated constraint) naming `what`.
  Rows exec(std::string_view what, const std::string& sql, const std::vector<Param>& params = {});
  // Runs several statements without parameters (schema steps).
  void exec_script(std::string_view what, const std::string& sql);

  // Runs `body` in a transaction (a savepoint when one is open): committed when it returns,
  // rolled back when it throws.
  template <typename Body>
  void write(std::string_view what, Body&& body) {
    begin(what);
    try {
      body();
    } catch (...) {
      rollback();
      throw;
    }
    commit(what);
  }
  bool in_transaction() const { return depth_ > 0; }
  // How many transactions (or savepoints) were rolled back on this connection so far.
  uint64_t rollbacks() const { return rollbacks_; }
  // The server process of this connection (for pg_terminate_backend in tests).
  int backend_pid() const;
  // How many times a lost session was replaced (a statement outside a transaction that finds
  // the session gone opens a new one first).
  uint64_t reconnects() const { return reconnects_; }

 private:
  explicit Db(pg_conn* conn) : conn_(conn) {}
  void begin(std::string_view what);
  void commit(std::string_view what);
  void rollback() noexcept;
  void reconnect_if_lost();

  pg_conn* conn_;
  int depth_ = 0;
  uint64_t rollbacks_ = 0;
  uint64_t reconnects_ = 0;
};

}  // namespace lpsync::pg
