#include "engine/env/result.h"

#include <gtest/gtest.h>

#include <string>

namespace lpsync {
namespace {

enum class Problem { missing, malformed };

Result<int, Problem> parse_digit(char c) {
  if (c == '\0') return Result<int, Problem>::failure(Problem::missing, "no character given: pass a digit");
  if (c < '0' || c > '9') return Error<Problem>{Problem::malformed, std::string("'") + c + "' is not a digit"};
  return c - '0';
}

TEST(Result, CarriesAValueOrAnError) {
  auto seven = parse_digit('7');
  ASSERT_TRUE(seven.ok());
  EXPECT_EQ(seven.value(), 7);

  auto bad = parse_digit('x');
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, Problem::malformed);
  EXPECT_EQ(bad.error().message, "'x' is not a digit");

  auto none = parse_digit('\0');
  EXPECT_EQ(none.error().kind, Problem::missing);
}

TEST(Result, ValueMovesOut) {
  Result<std::string, Problem> r(std::string(100, 'a'));
  std::string taken = std::move(r).value();
  EXPECT_EQ(taken.size(), 100u);
}

TEST(ResultDeathTest, ReadingTheWrongSideIsRefused) {
  EXPECT_DEATH(parse_digit('x').value(), "value\\(\\) of a failed Result");
  EXPECT_DEATH(parse_digit('3').error(), "error\\(\\) of a successful Result");
}

}  // namespace
}  // namespace lpsync
