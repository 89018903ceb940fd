// A write the disk refuses (here: the database may not grow, as on a full disk) stores
// nothing of itself, says what happened and what to do, and leaves the store usable.
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include "engine/state/store_factories.h"

namespace lpsync {
namespace {

using ::testing::HasSubstr;

const Instant kT = Instant::from_unix_seconds(1'800'000'000);

// A bulk import with a long skipped list: a write that needs many new pages.
BulkImport big_bulk_import(int64_t n) {
  BulkImport b;
  b.running = true;
  b.total = n;
  for (int64_t i = 0; i < n; ++i) b.skipped.push_back({1000 + i, SkuProblem::duplicate_sku, {1000 + i, 5000 + i}});
  return b;
}

TEST(SqliteWriteFailure, AFullDiskKeepsNothingOfTheWriteAndSaysSo) {
  std::string path = testing::fresh_path("full") + "/state.db";
  auto s = testing::open_sqlite(path);
  s->put_order_link({1, "ORD1", 100, true, kT});
  BulkImport small = big_bulk_import(2);
  s->put_bulk_import(small);
  s->limit_growth_for_test(0);
  try {
    s->put_bulk_import(big_bulk_import(5000));
    FAIL() << "the write should have been refused";
  } catch (const StateStoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr(path));
    EXPECT_THAT(e.what(), HasSubstr("could not store the bulk import's progress"));
    EXPECT_THAT(e.what(), HasSubstr("full"));
    EXPECT_THAT(e.what(), HasSubstr("Nothing of this change was kept"));
  }
  EXPECT_EQ(s->bulk_import(), small);
  EXPECT_EQ(s->order_links().size(), 1u);
  // Several writes as one commit: none of them is kept.
  EXPECT_THROW(s->atomically([&] {
    s->put_order_link({2, "ORD2", 200, false, kT});
    s->put_bulk_import(big_bulk_import(5000));
  }),
               StateStoreError);
  EXPECT_FALSE(s->order_link(2));
  EXPECT_EQ(s->bulk_import(), small);
  // Space again: the same writes succeed, and a reopen finds exactly what was stored.
  s->limit_growth_for_test(-1);
  s->put_bulk_import(big_bulk_import(5000));
  s.reset();
  auto reopened = testing::open_sqlite(path);
  EXPECT_EQ(reopened->bulk_import(), big_bulk_import(5000));
  EXPECT_EQ(reopened->order_links().size(), 1u);
}

TEST(SqliteWriteFailure, EachKindOfWriteIsRefusedWholeOnAFullDisk) {
  auto s = testing::open_sqlite(testing::fresh_path("full-each") + "/state.db");
  s->limit_growth_for_test(0);
  // Fill the pages there are; every write after that fails and leaves no trace.
  int64_t stored = 0;
  for (int64_t i = 1;; ++i) {
    try {
      s->put_order_link({i, "ORDER-NUMBER-" + std::string(200, 'x') + std::to_string(i), 100 + i, false, kT});
      stored = i;
    } catch (const StateStoreError&) {
      break;
    }
    ASSERT_LT(i, 100'000) << "the size limit never stopped a write";
  }
  EXPECT_EQ(s->order_links().size(), static_cast<size_t>(stored));
  EXPECT_FALSE(s->order_link(stored + 1));
}

}  // namespace
}  // namespace lpsync
