// The SQLite store keeps everything across a reopen (a restarted process), enforces its
// unique constraints in the file itself, and makes atomically() all or nothing.
#include <sqlite3.h>

#include <gtest/gtest.h>

#include "engine/state/schema.h"
#include "engine/state/store_factories.h"

namespace lpsync {
namespace {

const Instant kT = Instant::from_unix_seconds(1'800'000'000);

// Runs SQL on the file through a second, raw connection: what the schema itself allows.
int raw_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return rc;
}

TEST(SqliteStateStore, AReopenedStoreHasEverything) {
  std::string path = testing::fresh_path("reopen") + "/state.db";
  BulkImport bulk;
  bulk.running = true;
  bulk.total = 40;
  bulk.done = 25;
  bulk.last_variant_id = 125;
  bulk.linked = 3;
  bulk.created = 20;
  bulk.setting_up_variant_id = 126;
  bulk.started_at = kT;
  bulk.skipped = {{101, SkuProblem::missing_sku, {}}, {102, SkuProblem::duplicate_sku, {102, 103}}};
  {
    auto s = testing::open_sqlite(path);
    s->put_order_link({1, "ORD1", 100, true, kT});
    s->put_product_link({11, "MUG", 500, true, false});
    s->begin_intent({IntentKind::create_product, "CUP", kT});
    s->put_held({{2, "ORD2", HeldReason::not_paid, kT}});
    s->put_shop_stock(11, 8);
    s->put_shipment_push({9, 1, 77, "3S123", true, kT});
    s->put_bulk_import(bulk);
    s->put_value("picqer.hook_secret", "s3cret");
  }
  auto s = testing::open_sqlite(path);
  EXPECT_EQ(s->schema_version(), sqlite::current_schema_version());
  EXPECT_EQ(s->order_links(), (std::vector<OrderLink>{{1, "ORD1", 100, true, kT}}));
  EXPECT_EQ(s->product_link_by_code("MUG"), (ProductLink{11, "MUG", 500, true, false}));
  EXPECT_EQ(s->intents(), (std::vector<Intent>{{IntentKind::create_product, "CUP", kT}}));
  EXPECT_EQ(s->held(), (std::vector<HeldOrder>{{2, "ORD2", HeldReason::not_paid, kT}}));
  EXPECT_EQ(s->shop_stock(11), 8);
  EXPECT_EQ(s->shipment_push(9), (ShipmentPush{9, 1, 77, "3S123", true, kT}));
  EXPECT_EQ(s->bulk_import(), bulk);
  EXPECT_EQ(s->value("picqer.hook_secret"), "s3cret");
}

TEST(SqliteStateStore, TheFileItselfRefusesADuplicateLink) {
  std::string path = testing::fresh_path("unique") + "/state.db";
  {
    auto s = testing::open_sqlite(path);
    s->put_order_link({1, "ORD1", 100, false, kT});
    s->put_product_link({11, "MUG", 500, false, true});
    s->put_shipment_push({9, 1, 77, "3S123", true, kT});
  }
  // Whoever writes to the file: the same Picqer order for another Lightspeed order, ...
  EXPECT_NE(raw_exec(path, "INSERT INTO order_links VALUES (2, 'ORD2', 100, 0, 0)"), SQLITE_OK);
  // ... a second Picqer order for the same Lightspeed order (a second row, or a changed one), ...
  EXPECT_NE(raw_exec(path, "INSERT INTO order_links VALUES (1, 'ORD1', 101, 0, 0)"), SQLITE_OK);
  EXPECT_NE(raw_exec(path, "UPDATE order_links SET idorder = 101 WHERE ls_order_id = 1"), SQLITE_OK);
  // ... a second product for a variant or a productcode for two variants, ...
  EXPECT_NE(raw_exec(path, "INSERT INTO product_links VALUES (11, 'CUP', 501, 0, 1)"), SQLITE_OK);
  EXPECT_NE(raw_exec(path, "INSERT INTO product_links VALUES (12, 'MUG', 501, 0, 1)"), SQLITE_OK);
  // ... a Picqer shipment handled twice, or a shop shipment marked shipped twice.
  EXPECT_NE(raw_exec(path, "INSERT INTO shipment_pushes VALUES (9, 1, 78, 'X', 1, 0)"), SQLITE_OK);
  EXPECT_NE(raw_exec(path, "INSERT INTO shipment_pushes VALUES (10, 1, 77, 'X', 1, 0)"), SQLITE_OK);
  // What is allowed still is: a later shipment that was only reported.
  EXPECT_EQ(raw_exec(path, "INSERT INTO shipment_pushes VALUES (10, 1, 77, 'X', 0, 0)"), SQLITE_OK);
  auto s = testing::open_sqlite(path);
  EXPECT_EQ(s->order_links().size(), 1u);
  EXPECT_EQ(s->product_links().size(), 1u);
  EXPECT_EQ(s->shipment_pushes().size(), 2u);
}

TEST(SqliteStateStore, AtomicallyKeepsNothingWhenItsBodyThrows) {
  std::string path = testing::fresh_path("atomic") + "/state.db";
  auto s = testing::open_sqlite(path);
  s->begin_intent({IntentKind::create_order, "ORD1", kT});
  BulkImport before;
  before.running = true;
  before.skipped = {{3, SkuProblem::missing_sku, {}}};
  s->put_bulk_import(before);
  struct Crash {};
  EXPECT_THROW(s->atomically([&] {
    s->put_order_link({1, "ORD1", 100, false, kT});
    s->end_intent(IntentKind::create_order, "ORD1");
    BulkImport after = before;
    after.skipped.push_back({4, SkuProblem::duplicate_sku, {4, 5}});
    s->put_bulk_import(after);
    throw Crash{};
  }),
               Crash);
  EXPECT_FALSE(s->order_link(1));
  EXPECT_EQ(s->intents().size(), 1u);
  EXPECT_EQ(s->bulk_import(), before);
  // A refused link inside rolls back the writes before it, too.
  EXPECT_THROW(s->atomically([&] {
    s->put_order_link({1, "ORD1", 100, false, kT});
    s->put_order_link({2, "ORD2", 100, false, kT});
  }),
               std::logic_error);
  EXPECT_FALSE(s->order_link(1));
  s.reset();
  auto reopened = testing::open_sqlite(path);
  EXPECT_FALSE(reopened->order_link(1));
  EXPECT_EQ(reopened->intents().size(), 1u);
  EXPECT_EQ(reopened->bulk_import(), before);
}

}  // namespace
}  // namespace lpsync
