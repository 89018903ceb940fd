// The console over a fleet's database (`lpsync console --database`, issue 19) with a real
// worker: a merchant connects a shop with the wizard (the connection is added to the fleet,
// the summary is `lpsync plan` on a private copy of its config), activates it (a command the
// worker applies once it holds the connection), sees the worker's imports on the status page,
// imports a held order by hand once its SKU is fixed, reads its story, and changes a setting
// that the worker applies without a restart. Both fakes on loopback, a throwaway PostgreSQL,
// the worker's engines on real threads: conditions are waited for with a deadline, no timing
// is asserted.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include "engine/env/httplib_transport.h"
#include "engine/state/pg_fleet.h"
#include "engine/state/pg_schema.h"
#include "tests/live/live_fixture.h"
#include "tools/console/console_client.h"
#include "tools/console/fleet_source.h"
#include "tools/fleet/engine_host.h"
#include "tools/fleet/worker.h"
#include "tools/fleet/worker_watch.h"
#include "tools/pg/postgres_suite.h"

namespace lpsync::console {
namespace {

namespace fs = std::filesystem;
namespace ls = fakes::lightspeed;

constexpr Duration kDeadline = Duration::seconds(60);

class FleetConsole : public FreshDatabaseTest {
 protected:
  void SetUp() override {
    FreshDatabaseTest::SetUp();
    if (HasFatalFailure()) return;
    world_ = testing::make_world("fleet-console", false);
    ASSERT_TRUE(world_.fakes->ok());
    testing::add_shop(*world_.fakes);
    source_ = std::make_unique<FleetSource>(url_);
    PlanRunner plan = [this](const std::string& file) {
      plan_file_ = file;
      std::ifstream in(file);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      return "plan of a config of " + std::to_string(text.size()) + " bytes";
    };
    app_ = std::make_unique<ConsoleApp>(ConsoleOptions{source_.get(), world_.dir + "/console.password", false, &http_, plan},
                                        wall_, "setup-token", [n = 0]() mutable {
                                          return "token-" + std::to_string(++n) + std::string(32, 't');
                                        });
    client_ = std::make_unique<ConsoleClient>(*app_, "setup-token");
    client_->set_password();
    client_->log_in();
  }
  // The worker "w1": its heartbeats every 2 s while a test waits (wait_for).
  void start_worker() {
    auto db = pg::Db::connect(url_);
    ASSERT_TRUE(db.ok());
    worker_db_ = std::move(db).value();
    watch_ = std::make_unique<fleet::WorkerWatch>(wall_, log_, redactor_, Duration::seconds(1));
    fleet::HostOptions options;
    options.threads = 1;
    options.watch = watch_.get();
    host_ = std::make_unique<fleet::EngineHost>(url_, options, log_, redactor_);
    worker_ = std::make_unique<fleet::Worker>(*worker_db_, "w1", *host_, fleet::WorkerOptions{});
    worker_->tick(wall_.now());
    last_tick_ = wall_.now();
  }
  template <typename Done>
  bool wait_for(Done done) {
    for (Instant end = wall_.now() + kDeadline; wall_.now() < end;) {
      if (done()) return true;
      if (worker_ && wall_.now() - last_tick_ > Duration::seconds(2)) {
        worker_->tick(wall_.now());
        last_tick_ = wall_.now();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));  // polling a condition, not waiting for time
    }
    return done();
  }
  // Follows a button's redirect to its page until the command's answer shows.
  Response answered(const Response& redirect) {
    std::string location = redirect.headers.get("Location").value_or("");
    EXPECT_NE(location.find("command="), std::string::npos) << redirect.status << " " << redirect.body;
    Response page;
    wait_for([&] {
      page = client_->get(location);
      return page.body.find("Waiting for") == std::string::npos && page.body.find("carrying it out") == std::string::npos;
    });
    return page;
  }
  void TearDown() override {
    if (worker_) worker_->stop_all();
    worker_.reset();
    host_.reset();
  }

  std::unique_ptr<pg::Db> worker_db_;
  testing::LiveWorld world_;
  std::unique_ptr<FleetSource> source_;
  SystemClock wall_;
  HttplibTransport http_;
  std::string plan_file_;
  std::unique_ptr<ConsoleApp> app_;
  std::unique_ptr<ConsoleClient> client_;
  testing::SharedLog log_text_;
  live::Redactor redactor_;
  live::Log log_{log_text_, false, wall_, redactor_};
  std::unique_ptr<fleet::WorkerWatch> watch_;
  std::unique_ptr<fleet::EngineHost> host_;
  std::unique_ptr<fleet::Worker> worker_;
  Instant last_tick_;
};

TEST_F(FleetConsole, AShopConnectedInTheConsoleIsRunByTheFleetsWorkerAndWorkedFromTheConsole) {
  // Connect: the keys are checked with both fakes and the connection is added to the fleet.
  Response connected = client_->post(
      "/new", "name=acme&cluster=eu1&lightspeed_url=" + percent_encode(world_.fakes->lightspeed_url()) +
                  "&language=en&key=" + testing::kLightspeedKey + "&secret=" + testing::kLightspeedSecret +
                  "&picqer_url=" + percent_encode(world_.fakes->picqer_url()) + "&picqer_key=" + testing::kPicqerKey);
  ASSERT_EQ(connected.status, 200) << connected.body;
  EXPECT_NE(connected.body.find("Connected to"), std::string::npos) << connected.body;
  auto row = fleet::find_connection(*admin_, "acme");
  ASSERT_TRUE(row) << "the wizard did not add the connection to the fleet";
  EXPECT_FALSE(row->leased);

  // Configure, then the summary: lpsync plan on a private copy of the stored config, removed after.
  // The form as it comes: the safe defaults.
  const std::string defaults = "import_orders=on&import_products=on&process_orders=on&poll_interval=60";
  Response configured = client_->post("/new/configure", "name=acme&" + defaults);
  ASSERT_EQ(configured.status, 303) << configured.body;
  Response summary = client_->get("/new/summary?name=acme");
  EXPECT_NE(summary.body.find("plan of a config of " + std::to_string(fleet::find_connection(*admin_, "acme")->config.size()) +
                              " bytes"),
            std::string::npos)
      << summary.body;
  EXPECT_FALSE(plan_file_.empty());
  EXPECT_FALSE(fs::exists(plan_file_)) << "the plan's copy of the config (with its keys) was left behind";

  // Activate: only the worker holding the connection writes its state, so it is a command that
  // waits for one.
  Response activated = client_->post("/activate", "name=acme");
  ASSERT_EQ(activated.status, 200) << activated.body;
  EXPECT_NE(activated.body.find("Saved for the connection&#39;s worker"), std::string::npos) << activated.body;
  EXPECT_NE(activated.body.find("lpsync worker --database"), std::string::npos) << activated.body;
  EXPECT_NE(client_->get("/").body.find("no worker runs it now"), std::string::npos);
  EXPECT_TRUE(testing::picqer_references(*world_.fakes).empty()) << "imported before activation";

  start_worker();
  ASSERT_TRUE(wait_for([&] {
    auto refs = testing::picqer_references(*world_.fakes);
    return std::count(refs.begin(), refs.end(), "ORD1") == 1;
  })) << log_text_.text();
  Response home = client_->get("/");
  EXPECT_NE(home.body.find("run by worker w1"), std::string::npos) << home.body;
  EXPECT_NE(home.body.find("<td>active</td>"), std::string::npos) << home.body;
  Response status;
  ASSERT_TRUE(wait_for([&] {
    status = client_->get("/connection?name=acme");
    return status.body.find("ORD3") != std::string::npos;  // held: its SKU DUP is not unique
  })) << status.body;
  EXPECT_NE(status.body.find("Worker w1 runs this connection"), std::string::npos) << status.body;
  // The run's figures as the worker keeps them in the state: requests per API and the chart.
  ASSERT_TRUE(wait_for([&] {
    status = client_->get("/connection?name=acme");
    return status.body.find("requests per quarter hour") != std::string::npos;
  })) << status.body;
  EXPECT_NE(status.body.find("Last successful order poll"), std::string::npos) << status.body;

  // Import now of the held order, after the merchant gave variant 41 its own SKU.
  world_.fakes->lightspeed([](ls::LightspeedFake& s) {
    ls::VariantPatch p;
    p.sku = "DUP-B";
    s.update_variant(41, p);
    return 0;
  });
  Response by_hand = answered(client_->post("/import-order", "name=acme&number=ORD3"));
  auto refs = testing::picqer_references(*world_.fakes);
  EXPECT_EQ(std::count(refs.begin(), refs.end(), "ORD3"), 1) << by_hand.body << log_text_.text();
  EXPECT_NE(by_hand.body.find("class=\"ok\""), std::string::npos) << by_hand.body;

  // Why? reads the decisions from the fleet database.
  Response story = client_->get("/story?name=acme&order=ORD3");
  EXPECT_NE(story.body.find("Order ORD3"), std::string::npos) << story.body;

  // A setting changed in the console: applied by the worker at once and logged with the user.
  Response saved = answered(client_->post("/settings", "name=acme&active=on&send_stock=on&" + defaults));
  EXPECT_NE(saved.body.find("Saved and applied."), std::string::npos) << saved.body;
  Response settings = client_->get("/settings?name=acme");
  EXPECT_NE(settings.body.find("by <strong>admin</strong>"), std::string::npos) << settings.body;
  EXPECT_NE(settings.body.find("send_stock: false → true"), std::string::npos) << settings.body;
  EXPECT_NE(log_text_.text().find("\"console_settings_saved\""), std::string::npos) << log_text_.text();

  for (const std::string& page : {home.body, status.body, story.body, settings.body}) {
    for (const std::string& secret : testing::test_secrets()) EXPECT_EQ(page.find(secret), std::string::npos);
  }
}

TEST_F(FleetConsole, WithoutAConnectionByThatNameEveryPageSaysSo) {
  EXPECT_EQ(client_->get("/connection?name=nobody").status, 404);
  EXPECT_EQ(client_->get("/settings?name=nobody").status, 404);
  EXPECT_EQ(client_->post("/import-order", "name=nobody&number=ORD1").status, 404);
  EXPECT_NE(client_->get("/").body.find("No connections in the fleet database yet"), std::string::npos);
}

}  // namespace
}  // namespace lpsync::console
