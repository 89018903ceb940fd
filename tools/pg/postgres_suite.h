// A GoogleTest fixture base that starts one throwaway PostgreSQL for its test suite and stops
// it after the suite's last test (server_).
#pragma once

#include <gtest/gtest.h>

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
  static inline ThrowawayPostgres* server_ = nullptr;
};

}  // namespace lpsync
