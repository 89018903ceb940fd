#include "engine/state/pg_fleet.h"

#include <stdexcept>

#include "engine/state/pg_schema.h"

namespace lpsync::fleet {
namespace {

std::string seconds_of(Duration d) { return std::to_string(static_cast<double>(d.millis()) / 1000.0); }

}  // namespace

Result<int64_t, StoreProblem> add_connection(pg::Db& db, const std::string& name, const std::string& config) {
  using R = Result<int64_t, StoreProblem>;
  int64_t id = 0;
  try {
    db.write("add the connection " + name, [&] {
      id = db.exec("add the connection " + name, "INSERT INTO connections (name, config) VALUES ($1, $2) RETURNING id",
                   {name, config})
               .integer(0, 0);
      db.exec("add the connection " + name,
              "INSERT INTO leases (connection_id, worker, token, expires_at) VALUES ($1, '', 0, '-infinity')", {id});
    });
  } catch (const std::logic_error&) {
    return R::failure(StoreProblem::io_error, "there is already a connection named " + name +
                                                  ": choose another name, or remove that one first");
  }
  return R(id);
}

Result<LeaseToken, StoreProblem> add_connection_held(pg::Db& db, const std::string& name, const std::string& config,
                                                     const std::string& worker, Duration period) {
  using R = Result<LeaseToken, StoreProblem>;
  LeaseToken lease;
  std::optional<std::string> refused;
  db.write("add the connection " + name, [&] {
    auto id = add_connection(db, name, config);  // nested: one transaction with the claim below
    if (!id.ok()) {
      refused = id.error().message;
      return;
    }
    lease = {id.value(), 1};
    db.exec("hold the lease of " + name,
            "UPDATE leases SET worker = $2, token = 1, expires_at = clock_timestamp() + make_interval(secs => $3::float8) "
            "WHERE connection_id = $1",
            {lease.connection_id, worker, seconds_of(period)});
  });
  if (refused) return R::failure(StoreProblem::io_error, *refused);
  return R(lease);
}

bool remove_connection(pg::Db& db, const std::string& name) {
  bool removed = false;
  db.write("remove the connection " + name, [&] {
    removed = db.exec("remove the connection " + name, "DELETE FROM connections WHERE name = $1", {name}).changed() > 0;
  });
  return removed;
}

namespace {

// The connections with their leases: every one, or the one named.
std::vector<ConnectionRow> connection_rows(pg::Db& db, const std::optional<std::string>& name) {
  pg::Rows r = db.exec("list the connections",
                       "SELECT c.id, c.name, c.config, l.worker, l.token, l.expires_at > clock_timestamp() "
                       "FROM connections c JOIN leases l ON l.connection_id = c.id "
                       "WHERE $1::text IS NULL OR c.name = $1 ORDER BY c.name",
                       {name ? pg::Param(*name) : pg::Param(std::nullopt)});
  std::vector<ConnectionRow> out;
  for (int i = 0; i < r.size(); ++i) {
    out.push_back({r.integer(i, 0), *r.text(i, 1), *r.text(i, 2), *r.text(i, 3), r.integer(i, 4), r.flag(i, 5)});
  }
  return out;
}

}  // namespace

std::vector<ConnectionRow> list_connections(pg::Db& db) { return connection_rows(db, std::nullopt); }

std::optional<ConnectionRow> find_connection(pg::Db& db, const std::string& name) {
  std::vector<ConnectionRow> rows = connection_rows(db, name);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

bool replace_config(pg::Db& db, const std::string& name, const std::string& config) {
  return db.exec("replace the config of " + name, "UPDATE connections SET config = $2 WHERE name = $1", {name, config})
             .changed() > 0;
}

int64_t LeaseBook::heartbeat() {
  db_.exec("mark worker " + worker_ + " alive",
           "INSERT INTO workers (name, seen_at) VALUES ($1, clock_timestamp()) "
           "ON CONFLICT (name) DO UPDATE SET seen_at = excluded.seen_at",
           {worker_});
  return db_
      .exec("count the live workers",
            "SELECT count(*) FROM workers WHERE seen_at > clock_timestamp() - make_interval(secs => $1::float8)",
            {seconds_of(period_)})
      .integer(0, 0);
}

int64_t LeaseBook::connections() { return db_.exec("count the connections", "SELECT count(*) FROM leases").integer(0, 0); }

int64_t LeaseBook::free_connections() {
  return db_.exec("count the free connections", "SELECT count(*) FROM leases WHERE expires_at < clock_timestamp()")
      .integer(0, 0);
}

std::vector<Claim> LeaseBook::claim(int64_t n) {
  if (n <= 0) return {};
  pg::Rows r = db_.exec(
      "claim connections",
      "WITH free AS (SELECT connection_id FROM leases WHERE expires_at < clock_timestamp() "
      "              ORDER BY connection_id LIMIT $2 FOR UPDATE SKIP LOCKED) "
      "UPDATE leases l SET worker = $1, token = l.token + 1, "
      "  previous_ends_at = CASE WHEN l.worker = '' THEN NULL ELSE l.expires_at END, "
      "  expires_at = clock_timestamp() + make_interval(secs => $3::float8) "
      "FROM free WHERE l.connection_id = free.connection_id "
      "RETURNING l.connection_id, l.token, (extract(epoch FROM l.previous_ends_at) * 1000)::bigint, "
      "  (extract(epoch FROM clock_timestamp()) * 1000)::bigint",
      {worker_, n, seconds_of(period_)});
  std::vector<Claim> out;
  for (int i = 0; i < r.size(); ++i) {
    Claim c{{r.integer(i, 0), r.integer(i, 1)}, std::nullopt, Instant::from_unix_millis(r.integer(i, 3))};
    if (r.text(i, 2)) c.previous_ended = Instant::from_unix_millis(r.integer(i, 2));
    out.push_back(c);
  }
  return out;
}

std::vector<LeaseToken> LeaseBook::renew(const std::vector<LeaseToken>& held) {
  std::vector<LeaseToken> lost;
  for (const LeaseToken& l : held) {
    pg::Rows r = db_.exec("renew the lease of connection " + std::to_string(l.connection_id),
                          "UPDATE leases SET expires_at = clock_timestamp() + make_interval(secs => $4::float8) "
                          "WHERE connection_id = $1 AND token = $2 AND worker = $3",
                          {l.connection_id, l.token, worker_, seconds_of(period_)});
    if (r.changed() == 0) lost.push_back(l);
  }
  return lost;
}

void LeaseBook::release(const LeaseToken& lease) {
  db_.exec("hand back connection " + std::to_string(lease.connection_id),
           "UPDATE leases SET worker = '', expires_at = '-infinity' WHERE connection_id = $1 AND token = $2 AND worker = $3",
           {lease.connection_id, lease.token, worker_});
}

}  // namespace lpsync::fleet
