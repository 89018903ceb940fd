#include "engine/env/edit_distance.h"

#include <gtest/gtest.h>

#include <string>

namespace lpsync {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndChanges) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("read_only", "read_only"), 0u);
  EXPECT_EQ(edit_distance("raed_only", "read_only"), 2u);
  EXPECT_EQ(edit_distance("send_stok", "send_stock"), 1u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(EditDistance, LongTextsUseACheapBound) {
  std::string a(3000, 'x'), b(3000, 'x');
  b[10] = 'y';
  b += "zz";
  EXPECT_EQ(edit_distance(a, b), 3u);
}

}  // namespace
}  // namespace lpsync
