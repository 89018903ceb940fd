// Replays every scenario of the corpus (scenarios/*.json) and requires each to pass, and to
// give the same trace when run twice (determinism).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "tools/scenario/runner.h"
#include "tools/scenario/scenario_parser.h"

namespace lpsync {
namespace {

std::vector<std::string> corpus_files() {
  std::filesystem::path dir = std::filesystem::path(std::getenv("TEST_SRCDIR")) / std::getenv("TEST_WORKSPACE") / "scenarios";
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ScenarioCorpus, EveryScenarioPassesAndIsDeterministic) {
  auto files = corpus_files();
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    SCOPED_TRACE(file);
    auto parsed = scenario::load_scenario_file(file);
    ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
    scenario::RunOptions options;
    options.keep_trace = true;
    auto first = scenario::run_scenario(parsed.scenario(), options);
    std::string details;
    for (const auto& e : first.errors) details += "\n  invalid: " + e;
    for (const auto& f : first.failures) details += "\n  " + f.what + ": expected " + f.expected + ", actual " + f.actual;
    EXPECT_TRUE(first.passed()) << first.summary() << details;
    auto second = scenario::run_scenario(parsed.scenario(), options);
    EXPECT_EQ(first.trace_hash, second.trace_hash) << "two runs of " << file << " gave different traces";
  }
}

}  // namespace
}  // namespace lpsync
