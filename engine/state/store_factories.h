// Stores for tests: a fresh memory store, or a fresh SQLite database under $TEST_TMPDIR.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "engine/state/sqlite_state_store.h"
#include "engine/state/state_store.h"

namespace lpsync::testing {

// A path under $TEST_TMPDIR (or /tmp) no earlier call returned, in a directory of its own;
// nothing exists there yet.
std::string fresh_path(std::string_view name);
// Opens the SQLite store at `path`; a test failure (and an exception) when it cannot.
std::unique_ptr<SqliteStateStore> open_sqlite(const std::string& path);

struct MemoryStores {
  static constexpr const char* kName = "memory";
  std::unique_ptr<StateStore> make() { return std::make_unique<MemoryStateStore>(); }
};

struct SqliteStores {
  static constexpr const char* kName = "sqlite";
  std::unique_ptr<StateStore> make() { return open_sqlite(fresh_path("contract") + "/state.db"); }
};

}  // namespace lpsync::testing
