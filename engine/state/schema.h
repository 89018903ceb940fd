// The state database's schema, as a list of migration steps in code. Step N takes a
// database at version N-1 to version N in one transaction, together with PRAGMA
// user_version = N, so a database is always at exactly one version. A new table or column
// is a new step at the end; released steps never change.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/state/sqlite_db.h"

namespace lpsync::sqlite {

// PRAGMA application_id of an lpsync state database ("lpsy").
inline constexpr int64_t kApplicationId = 0x6c707379;

struct Migration {
  int64_t to_version;
  std::string_view what;
  void (*apply)(Db& db);
};

// Every step, in order; the last one's version is what this build writes.
const std::vector<Migration>& migrations();
int64_t current_schema_version();

// Brings the database from `from` up to `to` (default: current), one transaction per step.
// Throws StateStoreError when a step fails (that step is rolled back).
void migrate(Db& db, int64_t from, int64_t to = current_schema_version());

}  // namespace lpsync::sqlite
