// The fleet's state database on PostgreSQL: one schema for every connection (each row carries
// its connection_id), versioned like the SQLite one. Step N takes the database from N-1 to N
// in one transaction with the row in lpsync_schema; an advisory lock makes workers that start
// together migrate one after another. docs/fleet.md describes the tables.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/state/pg_db.h"

namespace lpsync::pg {

struct Migration {
  int64_t to_version;
  std::string_view what;
  std::string_view sql;
};

const std::vector<Migration>& migrations();
int64_t current_schema_version();

// Brings the database to this build's version. Throws StateStoreError when a step fails (that
// step is rolled back) or when the database was written by a newer lpsync.
void migrate(Db& db);

}  // namespace lpsync::pg
