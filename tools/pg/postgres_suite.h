// A GoogleTest fixture base that starts one throwaway PostgreSQL for its test suite and stops
// it after the suite's last test (server_).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine/state/pg_db.h"
#include "engine/state/pg_schema.h"
#include "tools/pg/throwaway_postgres.h"

namespace lpsync {

class PostgresSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto started = ThrowawayPostgres::start();
    ASSERT_TRUE(started.ok()) << started.error().message;
    server_ = std::move(started).value().release();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  // A new database of the suite's server ("test_N"), migrated to this build's schema: its URL
  // and a session to it (db null after a failure, which the test reports).
  struct MigratedDatabase {
    std::string url;
    std::unique_ptr<pg::Db> db;
  };
  static MigratedDatabase migrated_database() {
    MigratedDatabase out;
    std::string name = "test_" + std::to_string(++databases_), error;
    if (!server_->create_database(name, error)) {
      ADD_FAILURE() << error;
      return out;
    }
    out.url = server_->url(name);
    auto db = pg::Db::connect(out.url);
    if (!db.ok()) {
      ADD_FAILURE() << db.error().message;
      return out;
    }
    out.db = std::move(db).value();
    pg::migrate(*out.db);
    return out;
  }

  static inline ThrowawayPostgres* server_ = nullptr;
  static inline int databases_ = 0;
};

// A suite whose every test has a fresh migrated database of its own: url_, and admin_ (a
// session to it).
class FreshDatabaseTest : public PostgresSuite {
 protected:
  void SetUp() override {
    MigratedDatabase fresh = migrated_database();
    ASSERT_TRUE(fresh.db);
    url_ = fresh.url;
    admin_ = std::move(fresh.db);
  }
  std::string url_;
  std::unique_ptr<pg::Db> admin_;
};

}  // namespace lpsync
