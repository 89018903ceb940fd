#include "engine/state/pg_db.h"

#include <libpq-fe.h>

#include <charconv>
#include <stdexcept>

#include "engine/env/check.h"

namespace lpsync::pg {
namespace {

// What a person can do, by SQLSTATE class.
std::string_view advice(std::string_view state) {
  if (state.starts_with("53")) return "The database server is out of resources (disk, memory or connections): free them, then start lpsync again.";
  if (state.starts_with("08")) return "The connection to the database broke: check that PostgreSQL runs and is reachable, then start lpsync again.";
  if (state.starts_with("57")) return "The database server stopped this session (shut down or an operator ended it): start lpsync again.";
  if (state.starts_with("42")) return "The database does not have lpsync's schema or this user lacks rights on it: run the migrations or grant them.";
  return "";
}

[[noreturn]] void raise(pg_conn* conn, const PGresult* res, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string sqlstate = state ? state : "";
  if (sqlstate.empty() && PQstatus(conn) == CONNECTION_BAD) sqlstate = "08000";  // the connection is gone
  std::string detail = res && PQresultErrorMessage(res)[0] ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  for (char& c : detail) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  while (!detail.empty() && detail.back() == ' ') detail.pop_back();
  // 23505 unique, 23503 foreign key: the engine tried to store a second link for one thing.
  if (sqlstate == "23505" || sqlstate == "23503") {
    throw std::logic_error("PostgreSQL refused " + std::string(what) + ": " + detail);
  }
  std::string message = "PostgreSQL could not " + std::string(what) + ": " + detail;
  if (std::string_view a = advice(sqlstate); !a.empty()) message += ". " + std::string(a);
  throw StateStoreError(message);
}

}  // namespace

Rows::~Rows() {
  if (res_) PQclear(res_);
}

int Rows::size() const { return PQntuples(res_); }

std::optional<std::string> Rows::text(int row, int column) const {
  LPSYNC_CHECK(row < size() && column < PQnfields(res_), "row or column out of range");
  if (PQgetisnull(res_, row, column)) return std::nullopt;
  return std::string(PQgetvalue(res_, row, column), static_cast<size_t>(PQgetlength(res_, row, column)));
}

int64_t Rows::integer(int row, int column) const {
  std::optional<std::string> t = text(row, column);
  LPSYNC_CHECK(t.has_value(), "an integer column read as NULL");
  int64_t v = 0;
  auto [end, ec] = std::from_chars(t->data(), t->data() + t->size(), v);
  LPSYNC_CHECK(ec == std::errc() && end == t->data() + t->size(), "an integer column holds something else");
  return v;
}

bool Rows::flag(int row, int column) const {
  std::optional<std::string> t = text(row, column);
  LPSYNC_CHECK(t == "t" || t == "f", "a boolean column holds something else");
  return *t == "t";
}

int64_t Rows::changed() const {
  const char* n = PQcmdTuples(res_);
  return n && *n ? std::stoll(n) : 0;
}

Result<std::unique_ptr<Db>, ConnectProblem> Db::connect(const std::string& url) {
  using R = Result<std::unique_ptr<Db>, ConnectProblem>;
  char* parse_error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(url.c_str(), &parse_error);
  if (!parsed) {
    std::string why = parse_error ? parse_error : "it cannot be read";
    PQfreemem(parse_error);
    return R::failure(ConnectProblem::bad_url, "the database URL is not a PostgreSQL connection string: " + why);
  }
  PQconninfoFree(parsed);
  pg_conn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string why = PQerrorMessage(conn);
    while (!why.empty() && why.back() == '\n') why.pop_back();
    PQfinish(conn);
    return R::failure(ConnectProblem::refused, "cannot connect to PostgreSQL: " + why +
                                                   ". Check that the server runs and the URL's host, port, user and database.");
  }
  // Notices ("already exists, skipping") are for interactive sessions, not lpsync's output.
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  return R(std::unique_ptr<Db>(new Db(conn)));
}

Db::~Db() { PQfinish(conn_); }

int Db::backend_pid() const { return PQbackendPID(conn_); }

void Db::reconnect_if_lost() {
  // Outside a transaction nothing is lost by a new session: a server restart or an ended
  // session (pg_terminate_backend) costs the one statement that found it gone. Inside one,
  // the transaction's earlier statements are gone with the session: that write fails whole.
  if (depth_ == 0 && PQstatus(conn_) == CONNECTION_BAD) {
    PQreset(conn_);
    ++reconnects_;
  }
}

Rows Db::exec(std::string_view what, const std::string& sql, const std::vector<Param>& params) {
  reconnect_if_lost();
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p.value ? p.value->c_str() : nullptr);
  PGresult* res = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                               nullptr, 0);
  ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    Rows owned(res);  // freed on the way out
    raise(conn_, res, what);
  }
  return Rows(res);
}

void Db::exec_script(std::string_view what, const std::string& sql) {
  reconnect_if_lost();
  PGresult* res = PQexec(conn_, sql.c_str());
  Rows owned(res);
  ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) raise(conn_, res, what);
}

void Db::begin(std::string_view what) {
  exec(what, depth_ == 0 ? "BEGIN" : "SAVEPOINT s" + std::to_string(depth_));
  ++depth_;
}

void Db::commit(std::string_view what) {
  LPSYNC_CHECK(depth_ > 0, "commit without a transaction");
  --depth_;
  if (depth_ == 0) {
    try {
      exec(what, "COMMIT");
    } catch (...) {
      rollback();
      throw;
    }
  } else {
    exec(what, "RELEASE SAVEPOINT s" + std::to_string(depth_));
  }
}

void Db::rollback() noexcept {
  ++rollbacks_;
  if (depth_ == 0) {  // commit's own failure: the server already ended the transaction
    PQclear(PQexec(conn_, "ROLLBACK"));
    return;
  }
  --depth_;
  std::string sql = depth_ == 0 ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT s" + std::to_string(depth_) + "; RELEASE SAVEPOINT s" +
                                                    std::to_string(depth_);
  PQclear(PQexec(conn_, sql.c_str()));
}

}  // namespace lpsync::pg
