// lpsync bench --fleet --quick as a smoke test, through the real binary (its workers are lpsync
// itself): every figure is measured and written, and the work behind them happened. No timing
// is asserted (the machines are shared).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "engine/env/json.h"

namespace lpsync {
namespace {

std::string read(const std::string& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(FleetBenchSmoke, QuickRunWritesSaneFigures) {
  std::string tmp = std::getenv("TEST_TMPDIR");
  std::string binary = std::string(std::getenv("TEST_SRCDIR")) + "/" + std::getenv("TEST_WORKSPACE") + "/tools/lpsync";
  std::string json_path = tmp + "/fleet.json", out_path = tmp + "/out.txt", err_path = tmp + "/err.txt";
  std::string command = "'" + binary + "' bench --fleet --quick --json '" + json_path + "' >'" + out_path + "' 2>'" +
                        err_path + "'";
  int status = std::system(command.c_str());
  std::string out = read(out_path);
  std::cout << out;
  ASSERT_EQ(status, 0) << read(err_path);
  auto doc = json::parse(read(json_path));
  std::map<std::string, double> figures;
  for (const auto& f : json::Reader(doc).field("figures").items()) figures[f.string_at("key")] = f.field("value").as_number();
  for (const char* key : {"fleet_engine_cpu_ms_per_connection_day", "fleet_postgres_cpu_ms_per_connection_day",
                          "fleet_worker_kb_per_connection", "fleet_connections_per_worker", "fleet_failover_seconds"}) {
    ASSERT_TRUE(figures.count(key)) << key;
    EXPECT_GT(figures[key], 0) << key;
  }
  // Sane: a failover with 4 s leases takes seconds, not minutes; an engine costs something
  // but less than a whole day of a core.
  EXPECT_LT(figures["fleet_failover_seconds"], 60);
  EXPECT_LT(figures["fleet_engine_cpu_ms_per_connection_day"], 86'400'000);
  // The work happened: the orders placed in the simulated hours imported (each shop's last
  // one may wait for its next poll), every engine of the live worker started and none failed.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(out, m, std::regex(R"((\d+) orders placed, (\d+) imported)"))) << out;
  int placed = std::stoi(m[1]), imported = std::stoi(m[2]);
  EXPECT_GT(placed, 0);
  EXPECT_GE(imported, placed - 20);
  EXPECT_NE(out.find("with 20 engines started"), std::string::npos) << out;
  EXPECT_NE(out.find(" 0 engine failures"), std::string::npos) << out;
}

}  // namespace
}  // namespace lpsync
