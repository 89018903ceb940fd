#include "engine/state/pg_store_factory.h"

#include <stdexcept>

#include "engine/state/pg_db.h"
#include "engine/state/pg_schema.h"
#include "tools/pg/throwaway_postgres.h"

namespace lpsync::testing {
namespace {

ThrowawayPostgres& server() {
  static std::unique_ptr<ThrowawayPostgres> pg = [] {
    auto started = ThrowawayPostgres::start();
    if (!started.ok()) throw std::runtime_error(started.error().message);
    return std::move(started).value();
  }();
  return *pg;
}

std::unique_ptr<pg::Db> connect(const std::string& url) {
  auto db = pg::Db::connect(url);
  if (!db.ok()) throw std::runtime_error(db.error().message);
  return std::move(db).value();
}

}  // namespace

std::string fresh_pg_database() {
  static int counter = 0;
  std::string name = "store_" + std::to_string(++counter), error;
  if (!server().create_database(name, error)) throw std::runtime_error("cannot create database " + name + ": " + error);
  return server().url(name);
}

int64_t add_leased_connection(const std::string& url, const std::string& name) {
  auto db = connect(url);
  pg::migrate(*db);
  int64_t id = db->exec("add a connection", "INSERT INTO connections (name, config) VALUES ($1, '{}') RETURNING id", {name})
                   .integer(0, 0);
  db->exec("lease it", "INSERT INTO leases (connection_id, worker, token, expires_at) "
                       "VALUES ($1, 'test', 1, clock_timestamp() + interval '1 hour')",
           {id});
  return id;
}

std::unique_ptr<PgStateStore> open_pg(const std::string& url, LeaseToken lease) {
  auto opened = PgStateStore::open(url, lease);
  if (!opened.ok()) throw std::runtime_error("cannot open the PostgreSQL store: " + opened.error().message);
  return std::move(opened).value();
}

std::unique_ptr<StateStore> PgStores::make() {
  std::string url = fresh_pg_database();
  return open_pg(url, {add_leased_connection(url, "contract"), 1});
}

}  // namespace lpsync::testing
