// The printed table of figures: a label longer than its column still leaves a space before the value.
#include "tools/bench/figures.h"

#include <gtest/gtest.h>

#include <sstream>

namespace lpsync::bench {
namespace {

TEST(FiguresTable, ALongLabelIsSetApartFromItsValue) {
  Figures f;
  f.add({"long", "5. of which the engine alone (its state in SQLite, as lpsync run keeps it)", 80.4, "MB"});
  f.add({"short", "1. time compression", 14438, "x", 10000.0});
  std::ostringstream out;
  f.print(out);
  EXPECT_NE(out.str().find("keeps it) 80.4 MB"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("1. time compression"), std::string::npos) << out.str();
}

// A ratio just above 1 against a goal of 1.05 shows its third decimal: "1" would hide 1.003,
// and "1.05" would pass for a ratio of 1.054.
TEST(FiguresTable, ARatioNearItsGoalShowsThreeDecimals) {
  Figures f;
  f.add({"a", "ratio a", 1.0028, "x", 1.05});
  f.add({"b", "ratio b", 1.054, "x", 1.05});
  std::ostringstream out;
  f.print(out);
  EXPECT_NE(out.str().find("1.003 x"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("1.054 x"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace lpsync::bench
