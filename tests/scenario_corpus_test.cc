// Replays every scenario of the corpus (scenarios/*.json): each must pass and give the same
// trace when run twice (determinism). A handful, with faults and crashes among them, run
// again with the fakes on loopback HTTP and must pass the same way and leave the same Picqer
// orders. One test per scenario, so the target shards (see tests/BUILD).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "tools/scenario/runner.h"
#include "tools/scenario/scenario_parser.h"
#include "tools/sim/world.h"

namespace lpsync {
namespace {

std::filesystem::path corpus_dir() {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  if (!srcdir || !workspace) return "scenarios";
  return std::filesystem::path(srcdir) / workspace / "scenarios";
}

std::vector<std::string> corpus_files() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(corpus_dir(), ec)) {
    if (entry.path().extension() == ".json") out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// These also run over loopback HTTP: faults of most kinds on both APIs, crashes between a
// lost answer and its retry, read-only, webhooks delivered twice.
const std::vector<std::string>& http_scenarios() {
  static const std::vector<std::string> kNames = {
      "crash-after-indeterminate-order-create", "crash-between-steps", "fault-indeterminate-picqer-writes",
      "fault-resets-both", "fault-timeouts-both", "read-only-everything-on", "shipment-pushed-once",
  };
  return kNames;
}

std::string stem(const std::string& file) { return std::filesystem::path(file).stem().string(); }

std::string details(const scenario::RunResult& r) {
  std::string out = r.summary();
  for (const auto& e : r.errors) out += "\n  invalid: " + e;
  for (const auto& f : r.failures) out += "\n  " + f.what + ": expected " + f.expected + ", actual " + f.actual;
  return out;
}

scenario::Scenario load(const std::string& file) {
  auto parsed = scenario::load_scenario_file(file);
  EXPECT_TRUE(parsed.ok()) << file << ": " << (parsed.ok() ? "" : parsed.error().to_string());
  return parsed.ok() ? parsed.scenario() : scenario::Scenario{};
}

// Runs a scenario and reads the references of the Picqer orders the engine created (with
// repeats, sorted) at run_until.
struct Observed {
  scenario::RunResult result;
  std::multiset<std::string> picqer_orders;
};

Observed run(const scenario::Scenario& s, bool over_http) {
  Observed o;
  scenario::RunOptions options;
  options.keep_trace = true;
  options.over_http = over_http;
  options.before_start = [&o, until = s.run_until](sim::World& w) {
    w.clock().call_at(until, [&o, &w] {
      for (const auto& order : w.picqer().orders()) {
        if (order.via_api) o.picqer_orders.insert(order.reference);
      }
    });
  };
  o.result = scenario::run_scenario(s, options);
  return o;
}

std::string name_for_test(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = stem(info.param);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

class Corpus : public ::testing::TestWithParam<std::string> {};

TEST_P(Corpus, PassesAndIsDeterministic) {
  scenario::Scenario s = load(GetParam());
  ASSERT_FALSE(HasFailure());
  EXPECT_EQ(s.name, stem(GetParam())) << "the file name is the scenario's name";
  EXPECT_FALSE(s.description.empty()) << "every scenario says in one sentence what it shows";
  auto first = run(s, false);
  EXPECT_TRUE(first.result.passed()) << details(first.result);
  auto second = run(s, false);
  EXPECT_EQ(first.result.trace_hash, second.result.trace_hash) << "two runs gave different traces";
  EXPECT_EQ(first.result.trace, second.result.trace);
  EXPECT_EQ(first.picqer_orders, second.picqer_orders);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, Corpus, ::testing::ValuesIn(corpus_files()), name_for_test);

class CorpusOverHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusOverHttp, SameOutcomeAsInProcess) {
  std::string file = (corpus_dir() / (GetParam() + ".json")).string();
  scenario::Scenario s = load(file);
  ASSERT_FALSE(HasFailure());
  auto direct = run(s, false);
  auto http = run(s, true);
  EXPECT_TRUE(http.result.passed()) << details(http.result);
  EXPECT_EQ(direct.result.passed(), http.result.passed());
  EXPECT_FALSE(http.picqer_orders.empty()) << "each of these scenarios imports orders";
  EXPECT_EQ(direct.picqer_orders, http.picqer_orders) << "the same Picqer orders by reference";
  EXPECT_EQ(direct.result.orders_imported, http.result.orders_imported);
  EXPECT_EQ(direct.result.shipments_pushed, http.result.shipments_pushed);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, CorpusOverHttp, ::testing::ValuesIn(http_scenarios()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(CorpusIndex, HasAtLeastFortyScenariosAndTheHttpOnesExist) {
  auto files = corpus_files();
  EXPECT_GE(files.size(), 40u);
  std::set<std::string> names;
  for (const auto& f : files) names.insert(stem(f));
  for (const auto& n : http_scenarios()) EXPECT_TRUE(names.count(n)) << n;
}

}  // namespace
}  // namespace lpsync
