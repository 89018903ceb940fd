// The live runner of a worker against a fake fleet over loopback HTTP and a real PostgreSQL:
// engines of many shops on a few shared threads import every shop's orders; an engine whose
// lease another worker took writes nothing, stops alone, and its neighbours carry on. These
// run on the wall clock (real threads, sockets and a database): they wait for a condition
// with a deadline, and assert no timing.
#include "tools/fleet/engine_host.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "engine/state/pg_fleet.h"
#include "engine/state/pg_schema.h"
#include "engine/env/http_server.h"
#include "engine/state/pg_state_store.h"
#include "tools/fleet/console_commands.h"
#include "tools/fleet/fleet_shops.h"
#include "tools/live/cassette.h"
#include "tools/live/console_settings.h"
#include "tools/fleet/webhook_inbox.h"
#include "tools/fleet/worker_watch.h"
#include "tools/pg/postgres_suite.h"
#include "tools/process/child.h"

namespace lpsync::fleet {
namespace {

constexpr Duration kDeadline = Duration::seconds(90);

class EngineHostTest : public FreshDatabaseTest {
 protected:
  // A fleet of `shops` on `accounts`, each shop with order 1 placed and a connection added.
  void make_fleet(int shops, int accounts) {
    fleet_ = std::make_unique<fakes::FakeFleet>(fakes::FakeFleetOptions{shops, accounts, 7});
    ASSERT_TRUE(fleet_->ok());
    fleet_->with([&](fakes::FakeFleet& f) {
      for (int s = 0; s < shops; ++s) {
        stock_shop(f, s);
        place_order(f, s, 1);
      }
    });
    for (int s = 0; s < shops; ++s) {
      auto id = add_connection(*admin_, "shop-" + std::to_string(s), connection_config(*fleet_, s));
      ASSERT_TRUE(id.ok()) << id.error().message;
      ids_.push_back(id.value());
    }
  }
  // Waits (on the wall clock, up to kDeadline) until `done` holds; false when it never did.
  bool wait_for(const std::function<bool()>& done) {
    return process::eventually(done, static_cast<double>(kDeadline.millis()) / 1000, 100);
  }
  // A worker "w1" over `host`, after its first heartbeat (it claims every connection).
  std::unique_ptr<Worker> first_beat(EngineHost& host) {
    auto db = pg::Db::connect(url_);
    EXPECT_TRUE(db.ok());
    worker_db_ = std::move(db).value();
    auto worker = std::make_unique<Worker>(*worker_db_, "w1", host, WorkerOptions{});
    worker->tick(SystemClock().now());
    return worker;
  }
  size_t copies(int shop) {
    return fleet_->with([&](fakes::FakeFleet& f) { return copies_in_picqer(f, shop, 1); });
  }

  std::unique_ptr<pg::Db> worker_db_;
  std::unique_ptr<fakes::FakeFleet> fleet_;
  std::vector<int64_t> ids_;
  std::ostringstream log_text_;
  SystemClock log_clock_;
  live::Redactor redactor_;
  live::Log log_{log_text_, false, log_clock_, redactor_};
};

TEST_F(EngineHostTest, EnginesOfManyShopsOnTwoThreadsImportEveryShopsOrderOnce) {
  make_fleet(6, 3);
  // An unpaid order waits in shop 0: its quantity is pending for every shop on account 0.
  fleet_->with([](fakes::FakeFleet& f) { place_order(f, 0, 2, false); });
  HostOptions options;
  options.threads = 2;
  {
    EngineHost host(url_, options, log_, redactor_);
    std::unique_ptr<Worker> worker = first_beat(host);
    EXPECT_EQ(worker->running(), 6u);
    bool all = wait_for([&] {
      for (int s = 0; s < 6; ++s) {
        if (copies(s) == 0) return false;
      }
      return true;
    });
    EXPECT_TRUE(all) << log_text_.str();
    for (int s = 0; s < 6; ++s) EXPECT_EQ(copies(s), 1u) << "shop " << s;
    auto pending = [&] {
      return admin_->exec("read pending", "SELECT count(*) FROM pending_quantities WHERE connection_id = $1", {ids_[0]})
          .integer(0, 0);
    };
    EXPECT_TRUE(wait_for([&] { return pending() == 1; })) << "the worker's engines share no pending";
    EXPECT_EQ(host.counts().running, 6);
    EXPECT_EQ(host.counts().failures, 0) << log_text_.str();
    worker->stop_all();
    EXPECT_EQ(host.counts().running, 0);
    // The engines stopped: every Picqer request of the shops on one account was counted once,
    // in the account's shared limit.
    int64_t counted = admin_->exec("count", "SELECT coalesce(sum(sent), 0) FROM api_budgets").integer(0, 0);
    int64_t sent = fleet_->with([](fakes::FakeFleet& f) {
      int64_t n = 0;
      for (int a = 0; a < f.accounts(); ++a) n += static_cast<int64_t>(f.account(a).journal().entries().size());
      return n;
    });
    EXPECT_GT(counted, 0) << "the worker's engines share no rate limit";
    EXPECT_EQ(counted, sent);
  }
  for (const auto& key : {fakes::FakeFleet::lightspeed_secret(0), fakes::FakeFleet::picqer_key(0)}) {
    EXPECT_EQ(log_text_.str().find(key), std::string::npos) << "a secret in the log";
  }
}

TEST_F(EngineHostTest, AnEngineWhoseLeaseWasTakenWritesNothingAndStopsAloneItsNeighbourCarriesOn) {
  make_fleet(2, 1);
  HostOptions options;
  options.threads = 1;  // both engines on one thread and one database session
  options.restart_after = Duration::hours(1);
  EngineHost host(url_, options, log_, redactor_);
  LeaseBook book(*admin_, "w1", Duration::seconds(30));
  std::vector<Claim> claims = book.claim(2);
  ASSERT_EQ(claims.size(), 2u);
  LeaseWindow window;
  SystemClock wall;
  window.set_end(wall.now() + Duration::seconds(30));
  // Another worker takes shop 0 before its engine's first write.
  admin_->exec("take the lease", "UPDATE leases SET token = token + 1, worker = 'w2' WHERE connection_id = $1",
               {claims[0].lease.connection_id});
  auto config_of = [&](int64_t id) {
    return *admin_->exec("config", "SELECT config FROM connections WHERE id = $1", {id}).text(0, 0);
  };
  host.start(claims[0].lease, config_of(claims[0].lease.connection_id), window);
  host.start(claims[1].lease, config_of(claims[1].lease.connection_id), window);
  int shop_of_claim0 = claims[0].lease.connection_id == ids_[0] ? 0 : 1;
  EXPECT_TRUE(wait_for([&] { return copies(1 - shop_of_claim0) == 1; })) << log_text_.str();
  EXPECT_TRUE(wait_for([&] { return host.counts().failures == 1; })) << log_text_.str();
  EXPECT_EQ(copies(shop_of_claim0), 0u) << "a worker without the lease created an order";
  EXPECT_EQ(host.counts().running, 1);
  EXPECT_NE(log_text_.str().find("\"engine_stopped\""), std::string::npos) << log_text_.str();
  EXPECT_NE(log_text_.str().find("is lost: another worker claimed it"), std::string::npos) << log_text_.str();
  host.stop(claims[0].lease.connection_id);
  host.stop(claims[1].lease.connection_id);
  EXPECT_EQ(host.counts().running, 0);
}

TEST_F(EngineHostTest, AStockChangeInPicqerReachesTheShopByWebhookThroughTheFleetsInbox) {
  make_fleet(2, 1);
  WebhookInbox inbox([&] {
    auto db = pg::Db::connect(url_);
    EXPECT_TRUE(db.ok());
    return std::move(db).value();
  }());
  HttpServerOptions o;
  o.concurrent = true;
  HttpServer listener([&](const Request& r) { return inbox.accept(r); }, o);
  ASSERT_TRUE(listener.ok()) << listener.error();
  HostOptions options;
  options.threads = 1;
  options.public_url = listener.base_url();
  SystemClock wall;
  WorkerWatch watch(wall, log_, redactor_, Duration::millis(200));
  options.watch = &watch;
  EngineHost host(url_, options, log_, redactor_);
  std::unique_ptr<Worker> worker = first_beat(host);
  ASSERT_TRUE(wait_for([&] { return copies(0) == 1 && copies(1) == 1; })) << log_text_.str();
  // Both shops registered their hooks at the fleet's address.
  EXPECT_TRUE(wait_for([&] {
    return fleet_->with([](fakes::FakeFleet& f) { return f.account(0).hooks().size() >= 2; });
  })) << log_text_.str();
  // A delivery in the warehouse: the shops' stock follows within seconds, not at the hourly
  // reconciliation.
  auto shop_stock = [&](int shop) {
    return fleet_->with([&](fakes::FakeFleet& f) { return f.shop(shop).shop().variants().begin()->second.stock_level; });
  };
  fleet_->with([](fakes::FakeFleet& f) { EXPECT_TRUE(f.account(0).set_stock("SKU-0-0", 1, 40).ok()); });
  EXPECT_TRUE(wait_for([&] { return shop_stock(0) < 100 && shop_stock(1) < 100; }))
      << "stock " << shop_stock(0) << " and " << shop_stock(1) << "\n"
      << log_text_.str();
  EXPECT_NE(log_text_.str().find("\"webhook_received\""), std::string::npos);
  // Each connection's webhooks are counted by topic in its figures (the console shows them,
  // the alert rules watch them for silence).
  auto arrivals = [&](int64_t id) -> int64_t {
    auto kept = admin_->exec("figures",
                             "SELECT convert_from(value, 'UTF8') FROM named_values WHERE connection_id = $1 AND key = $2",
                             {id, std::string(WorkerWatch::kFiguresKey)});
    if (kept.size() != 1) return 0;
    boost::json::value v = boost::json::parse(*kept.text(0, 0));
    const boost::json::value* n = v.at("ops").at("webhooks").as_object().if_contains("picqer/products.free_stock_changed");
    return n ? n->at("arrivals").as_int64() : 0;
  };
  EXPECT_TRUE(wait_for([&] { return arrivals(ids_[0]) >= 1 && arrivals(ids_[1]) >= 1; })) << log_text_.str();
  // What is not for a fleet's connection is refused, and nothing is queued for it.
  Request stray{"POST", listener.base_url() + "/c/999/webhooks/picqer", {}, "{}"};
  EXPECT_EQ(inbox.accept(stray).value().status, 503);
  Request elsewhere{"POST", listener.base_url() + "/admin", {}, "{}"};
  EXPECT_EQ(inbox.accept(elsewhere).value().status, 404);
  worker->stop_all();
}

TEST_F(EngineHostTest, TheConsolesCommandsAreCarriedOutByTheWorkerHoldingTheConnection) {
  make_fleet(1, 1);
  // The console saved the connection inactive (in its state) before any worker ran it: the
  // engine starts with the saved settings, not the config's (which is active).
  {
    LeaseBook book(*admin_, "console-test", Duration::seconds(30));
    std::vector<Claim> claims = book.claim(1);
    ASSERT_EQ(claims.size(), 1u);
    auto store = PgStateStore::open(url_, claims[0].lease);
    ASSERT_TRUE(store.ok()) << store.error().message;
    live::ConfigResult config = live::parse_config(connection_config(*fleet_, 0), "shop-0", live::process_environment());
    ASSERT_TRUE(config) << config.errors.front();
    Settings inactive = config.config->settings;
    inactive.active = false;
    live::save_console_settings(*store.value(), config.config->settings, inactive, "admin", SystemClock().now());
    book.release(claims[0].lease);
  }
  PgCommands commands(*admin_, ids_[0]);
  std::string error;
  auto answer_to = [&](const std::string& kind, boost::json::object args) {
    auto id = commands.submit(kind, std::move(args), "admin", SystemClock().now(), error);
    EXPECT_TRUE(id) << error;
    std::optional<boost::json::object> answer;
    EXPECT_TRUE(wait_for([&] { return (answer = commands.answer_of(id.value_or(""))).has_value(); })) << log_text_.str();
    return answer.value_or(boost::json::object{});
  };
  HostOptions options;
  options.threads = 1;
  EngineHost host(url_, options, log_, redactor_);
  std::unique_ptr<Worker> worker = first_beat(host);
  ASSERT_TRUE(wait_for([&] { return host.counts().running == 1; })) << log_text_.str();

  boost::json::object by_hand = answer_to("import_order", {{"number", order_number(0, 1)}});
  EXPECT_EQ(by_hand["result"], "not_active") << boost::json::serialize(by_hand);
  EXPECT_EQ(copies(0), 0u);

  // Activated from the console: applied at once by the running engine, and logged.
  live::ConfigResult config = live::parse_config(connection_config(*fleet_, 0), "shop-0", live::process_environment());
  boost::json::object active = live::settings_json(config.config->settings);
  boost::json::object saved = answer_to("settings", {{"settings", active}});
  EXPECT_EQ(saved["ok"], true) << boost::json::serialize(saved);
  by_hand = answer_to("import_order", {{"number", order_number(0, 1)}});
  EXPECT_TRUE(by_hand["result"] == "imported" || by_hand["result"] == "already_imported")
      << boost::json::serialize(by_hand);
  EXPECT_EQ(copies(0), 1u);
  EXPECT_NE(log_text_.str().find("\"console_settings_saved\""), std::string::npos) << log_text_.str();

  boost::json::object story = answer_to("explain", {{"order", order_number(0, 1)}});
  EXPECT_EQ(story["ok"], true);
  EXPECT_NE(std::string(story["message"].as_string()).find(order_number(0, 1)), std::string::npos)
      << boost::json::serialize(story);
  worker->stop_all();
}

}  // namespace
}  // namespace lpsync::fleet
