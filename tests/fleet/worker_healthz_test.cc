// `lpsync worker --listen` answers GET /healthz over HTTP (issue 20): 200 while its heartbeats
// reach the fleet database, 503 once the last one is older than a lease period (its leases are
// as good as lost), 200 again when they reach it again. A real worker process on a throwaway
// PostgreSQL (it holds no connection: the public address is never used); the database is
// made to refuse the heartbeats by renaming the leases table.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "engine/env/httplib_transport.h"
#include "engine/state/pg_db.h"
#include "engine/state/pg_schema.h"
#include "tests/hostile/operator/child_process.h"
#include "tools/pg/postgres_suite.h"

namespace lpsync {
namespace {

using testing::Child;
using testing::ChildOptions;
using testing::eventually;

class WorkerHealthz : public PostgresSuite {};

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_F(WorkerHealthz, HealthyWhileItsHeartbeatsArriveAndNotAfterALeasePeriodWithout) {
  MigratedDatabase fresh = migrated_database();
  ASSERT_TRUE(fresh.db);
  std::string url = fresh.url;
  ChildOptions o;
  o.err_file = std::string(std::getenv("TEST_TMPDIR")) + "/worker.log";
  Child worker({"worker", "--database", url, "--name", "w1", "--lease-period", "4s", "--longest-request", "2s",
                "--listen", "127.0.0.1:0", "--public-url", "http://127.0.0.1:9", "--log-format", "json"},
               o);
  std::string base;
  ASSERT_TRUE(eventually(
      [&] {
        std::string log = read_file(o.err_file);
        size_t at = log.find("\"webhooks\":\"http://127.0.0.1:");
        if (at == std::string::npos) return false;
        at += 12;
        base = log.substr(at, log.find('"', at) - at);
        return true;
      },
      30))
      << read_file(o.err_file);
  HttplibTransport http;
  auto status = [&] {
    TransportResult r = http.send(Request{"GET", base + "/healthz", {}, ""});
    return r.ok() ? r.value().status : 0;
  };
  ASSERT_TRUE(eventually([&] { return status() == 200; }, 20)) << read_file(o.err_file);

  fresh.db->exec("refuse heartbeats", "ALTER TABLE leases RENAME TO leases_away", {});
  EXPECT_TRUE(eventually([&] { return status() == 503; }, 20)) << read_file(o.err_file);
  fresh.db->exec("take heartbeats again", "ALTER TABLE leases_away RENAME TO leases", {});
  EXPECT_TRUE(eventually([&] { return status() == 200; }, 20)) << read_file(o.err_file);
  worker.signal(SIGTERM);
  EXPECT_EQ(worker.wait(30), 0) << read_file(o.err_file);
}

}  // namespace
}  // namespace lpsync
