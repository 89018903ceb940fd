// `lpsync migrate-state` on a real PostgreSQL: a connection's SQLite state moves whole into
// the fleet's database (links, held orders, named values), the lease is handed back, and the
// refusals say what to do.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/state/pg_fleet.h"
#include "engine/state/pg_state_store.h"
#include "engine/state/sqlite_state_store.h"
#include "tools/fleet_command_test_support.h"

namespace lpsync::cli {
namespace {

const Instant kT = Instant::from_unix_millis(1'790'000'000'000);

// A config whose state is `state` (next to it), and that state with a little in it.
std::string shop_with_state(const std::string& name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  std::string dir = std::string(tmp ? tmp : "/tmp") + "/" + name;
  std::filesystem::create_directories(dir);
  std::string config = dir + "/shop.json";
  std::ofstream(config) << R"({
    "lightspeed": {"cluster": "eu1", "language": "nl", "key": "literal-ls-key-123", "secret": "env:LS_SECRET"},
    "picqer": {"subdomain": "acme", "key": "env:PICQER_KEY"},
    "state": "state.db"
  })";
  auto opened = SqliteStateStore::open(dir + "/state.db");
  EXPECT_TRUE(opened.ok());
  StateStore& s = *opened.value().store;
  s.put_order_link({100, "ORD100", 7, true, kT, false, false, "abc/1", kT, "", false});
  s.put_product_link({11, "MUG", 500, true, true});
  s.put_held({{101, "ORD101", HeldReason::duplicate_sku, kT}});
  s.put_value("picqer.hook_secret", "s3cret");
  s.put_value("app.shop_id", "4242");
  return config;
}

using MigrateState = WithPostgres;

TEST_F(MigrateState, MovesTheWholeStateAndHandsTheLeaseBack) {
  std::string config = shop_with_state("moved");
  Outcome r = run({"migrate-state", "acme", "--config", config, "--database", server_->url()});
  ASSERT_EQ(r.status, kExitOk) << r.err;
  EXPECT_NE(r.out.find("1 imported orders, 1 product links, 1 held orders"), std::string::npos) << r.out;

  auto db = pg::Db::connect(server_->url());
  ASSERT_TRUE(db.ok());
  auto rows = fleet::list_connections(*db.value());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].name, "acme");
  EXPECT_FALSE(rows[0].leased) << "a worker may take it now";
  // Read it as a worker would, under a lease of its own.
  fleet::LeaseBook book(*db.value(), "worker-1", Duration::seconds(30));
  book.heartbeat();
  auto claims = book.claim(1);
  ASSERT_EQ(claims.size(), 1u);
  auto store = PgStateStore::open(server_->url(), claims[0].lease);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(store.value()->order_link(100), (OrderLink{100, "ORD100", 7, true, kT, false, false, "abc/1", kT, "", false}));
  EXPECT_EQ(store.value()->product_link(11), (ProductLink{11, "MUG", 500, true, true}));
  ASSERT_EQ(store.value()->held().size(), 1u);
  EXPECT_EQ(store.value()->value("picqer.hook_secret"), "s3cret");
  EXPECT_EQ(store.value()->value("app.shop_id"), "4242");
}

TEST_F(MigrateState, RefusalsSayWhatToDo) {
  std::string config = shop_with_state("refused");
  std::string url = server_->url();
  EXPECT_EQ(run({"migrate-state", "twice", "--config", config, "--database", url}).status, kExitOk);
  Outcome again = run({"migrate-state", "twice", "--config", config, "--database", url});
  EXPECT_EQ(again.status, kExitFailed);
  EXPECT_NE(again.err.find("already a connection named twice"), std::string::npos) << again.err;

  {  // a running `lpsync run` holds the state
    auto held = SqliteStateStore::open(std::filesystem::path(config).parent_path() / "state.db");
    ASSERT_TRUE(held.ok());
    Outcome busy = run({"migrate-state", "busy", "--config", config, "--database", url});
    EXPECT_EQ(busy.status, kExitUsage);
    EXPECT_NE(busy.err.find("stop `lpsync run` for this config first"), std::string::npos) << busy.err;
  }
  Outcome none = run({"migrate-state", "none", "--config", "/nonexistent/shop.json", "--database", url});
  EXPECT_EQ(none.status, kExitUsage);
  EXPECT_NE(none.err.find("cannot read /nonexistent/shop.json"), std::string::npos);
  EXPECT_EQ(run({"migrate-state", "--config", config, "--database", url}).status, kExitUsage);
}

}  // namespace
}  // namespace lpsync::cli
