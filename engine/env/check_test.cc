#include "engine/env/check.h"

#include <gtest/gtest.h>

#include <string>

namespace lpsync {
namespace {

int checked_half(int even) {
  LPSYNC_CHECK(even % 2 == 0, "checked_half needs an even number");
  return even / 2;
}

TEST(Check, PassingCheckDoesNothing) { EXPECT_EQ(checked_half(8), 4); }

TEST(CheckDeathTest, FailingCheckAbortsWithWhereAndWhy) {
  EXPECT_DEATH(checked_half(3), "check failed at engine/env/check_test.cc:[0-9]+: even % 2 == 0: "
                                "checked_half needs an even number");
}

TEST(CheckDeathTest, MessageMayBeBuiltAtRunTime) {
  std::string what = "bound must be > 0";
  EXPECT_DEATH(LPSYNC_CHECK(1 + 1 == 3, what), "1 \\+ 1 == 3: bound must be > 0");
}

}  // namespace
}  // namespace lpsync
