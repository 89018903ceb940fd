// The fleet worker's orchestration on a real PostgreSQL, with engines replaced by a recorder:
// fair shares, a dead worker's connections moving, the wait for a request in flight, and never
// two engines for one connection.
#include "tools/fleet/worker.h"

#include <gtest/gtest.h>

#include <set>

#include "engine/state/pg_schema.h"
#include "tools/pg/postgres_suite.h"

namespace lpsync::fleet {
namespace {

// Which engines run, across every worker of a test: starting one that already runs fails.
struct Engines {
  std::map<int64_t, std::string> running;  // connection -> worker
  int starts = 0;
};

class RecordingRunner final : public Runner {
 public:
  RecordingRunner(Engines& engines, std::string worker) : engines_(engines), worker_(std::move(worker)) {}
  void start(const LeaseToken& lease, const std::string& config, const LeaseWindow&) override {
    EXPECT_EQ(config, "{\"shop\": " + std::to_string(lease.connection_id) + "}");
    auto [it, fresh] = engines_.running.emplace(lease.connection_id, worker_);
    EXPECT_TRUE(fresh) << "connection " << lease.connection_id << " started by " << worker_ << " while " << it->second
                       << " runs it";
    ++engines_.starts;
  }
  void stop(int64_t connection_id) override {
    EXPECT_EQ(engines_.running[connection_id], worker_);
    engines_.running.erase(connection_id);
  }

 private:
  Engines& engines_;
  std::string worker_;
};

class WorkerTest : public FreshDatabaseTest {
 protected:

  void SetUp() override {
    FreshDatabaseTest::SetUp();
    if (HasFatalFailure()) return;
    for (int i = 1; i <= 10; ++i) {
      auto id = add_connection(*admin_, "shop-" + std::to_string(i), "");
      ASSERT_TRUE(id.ok());
      admin_->exec("config", "UPDATE connections SET config = $2 WHERE id = $1",
                   {id.value(), "{\"shop\": " + std::to_string(id.value()) + "}"});
    }
  }
  std::unique_ptr<pg::Db> connect() {
    auto db = pg::Db::connect(url_);
    if (!db.ok()) throw std::runtime_error(db.error().message);
    return std::move(db).value();
  }
  // The worker stopped renewing: its leases ran out.
  void lease_of_worker_ran_out(const std::string& worker) {
    admin_->exec("expire", "UPDATE leases SET expires_at = clock_timestamp() - interval '1 millisecond' WHERE worker = $1",
                 {worker});
  }

  Engines engines_;
  Instant t_ = Instant::from_unix_seconds(1'000'000);
};

TEST_F(WorkerTest, ANewWorkerGetsAFairShareOneHandBackAtATime) {
  auto a_db = connect(), b_db = connect();
  RecordingRunner a_run(engines_, "a"), b_run(engines_, "b");
  Worker a(*a_db, "a", a_run, {}), b(*b_db, "b", b_run, {});
  a.tick(t_);
  EXPECT_EQ(a.running(), 10u);
  for (int i = 1; i <= 6; ++i) {
    b.tick(t_ + Duration::seconds(i));
    a.tick(t_ + Duration::seconds(i));
  }
  b.tick(t_ + Duration::seconds(7));
  EXPECT_EQ(a.held(), 5u);
  EXPECT_EQ(b.held(), 5u);
  EXPECT_EQ(engines_.running.size(), 10u);
}

TEST_F(WorkerTest, ADeadWorkersConnectionsStartElsewhereOnlyAfterItsLastRequestCouldHaveArrived) {
  auto a_db = connect(), b_db = connect();
  RecordingRunner a_run(engines_, "a"), b_run(engines_, "b");
  WorkerOptions options;
  options.longest_request = Duration::seconds(10);
  Worker a(*a_db, "a", a_run, options), b(*b_db, "b", b_run, options);
  a.tick(t_);
  ASSERT_EQ(a.running(), 10u);
  // a is killed: its engines die with it, and its leases run out.
  engines_.running.clear();
  lease_of_worker_ran_out("a");
  admin_->exec("forget a", "DELETE FROM workers WHERE name = 'a'");
  b.tick(t_);
  EXPECT_EQ(b.held(), 10u);
  EXPECT_EQ(b.running(), 0u) << "started while a's last request could still be on its way";
  b.tick(t_ + Duration::seconds(11));
  EXPECT_EQ(b.running(), 10u);
}

TEST_F(WorkerTest, AWorkerThatLostItsLeasesStopsTheirEnginesAndAHandedBackOneStartsAtOnce) {
  auto a_db = connect(), b_db = connect();
  RecordingRunner a_run(engines_, "a"), b_run(engines_, "b");
  Worker a(*a_db, "a", a_run, {}), b(*b_db, "b", b_run, {});
  a.tick(t_);
  lease_of_worker_ran_out("a");
  admin_->exec("forget a", "DELETE FROM workers WHERE name = 'a'");
  b.tick(t_);  // claims all ten; their engines wait
  a.tick(t_ + Duration::seconds(1));  // a was only paused: its renewals fail, its engines stop
  EXPECT_EQ(a.held(), 0u);
  EXPECT_TRUE(engines_.running.empty());
  // a is alive again, so b's share is 5: b hands back half its excess (3 of 5) and starts the rest.
  b.tick(t_ + Duration::seconds(11));
  EXPECT_EQ(b.held(), 7u);
  EXPECT_EQ(b.running(), 7u);
  b.stop_all();
  EXPECT_TRUE(engines_.running.empty());
  a.tick(t_ + Duration::seconds(12));
  EXPECT_EQ(a.held(), 5u);  // b was seen within a lease period: it still counts
  EXPECT_EQ(a.running(), 5u) << "a clean hand-back carries no request in flight";
}

}  // namespace
}  // namespace lpsync::fleet
