// A fresh PostgreSQL store for tests: one throwaway server per test binary (started on first
// use, stopped at exit), a new database per store, one connection with a lease held by the
// test.
#pragma once

#include <memory>
#include <string>

#include "engine/state/pg_state_store.h"

namespace lpsync::testing {

// The URL of a new, empty database on the binary's server (started when needed).
std::string fresh_pg_database();
// A connection named `name` in the database at `url`, with a lease (token 1, an hour long);
// returns its id.
int64_t add_leased_connection(const std::string& url, const std::string& name);
// Opens the store of that connection; a test failure (and an exception) when it cannot.
std::unique_ptr<PgStateStore> open_pg(const std::string& url, LeaseToken lease);

struct PgStores {
  static constexpr const char* kName = "postgres";
  std::unique_ptr<StateStore> make();
};

}  // namespace lpsync::testing
