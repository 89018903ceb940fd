// Every cassette committed under cassettes/: no secret in it (the test configs' keys, and the
// shapes of credentials), and its replay takes the recorded decisions. At least one holds
// webhooks received during the run, so their replay at the recorded moment is covered too.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/live/live_fixture.h"
#include "tests/live/secret_scan.h"
#include "tools/live/cassette.h"
#include "tools/live/replay_run.h"

namespace lpsync::testing {
namespace {

std::vector<std::string> committed_cassettes() {
  std::filesystem::path dir = std::filesystem::path(std::getenv("TEST_SRCDIR")) / std::getenv("TEST_WORKSPACE") / "cassettes";
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() == ".jsonl") out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(CommittedCassettes, HoldNoSecret) {
  auto files = committed_cassettes();
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    auto leaks = find_secrets(text.str(), test_secrets());
    EXPECT_TRUE(leaks.empty()) << file << ": " << leaks.size() << " leaks, the first: " << leaks.front();
  }
}

TEST(CommittedCassettes, ReplayToTheRecordedDecisions) {
  size_t with_webhooks = 0;
  for (const auto& file : committed_cassettes()) {
    auto loaded = live::load_cassette(file);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const live::Cassette& cassette = loaded.value();
    ASSERT_TRUE(cassette.callbacks) << file << " did not end cleanly";
    live::ReplayOutcome outcome = live::replay_cassette(cassette);
    EXPECT_TRUE(outcome.same) << file << ": " << outcome.failure
                              << "\n(if the engine changed on purpose: bazel run //tests/live:record_cassettes -- "
                                 "$PWD/cassettes)";
    EXPECT_EQ(outcome.exchanges, cassette.exchanges.size()) << file;
    EXPECT_GT(outcome.decisions, 0u) << file;
    with_webhooks += outcome.inbound > 0;
  }
  EXPECT_GT(with_webhooks, 0u) << "no committed cassette has webhooks received during the run";
}

TEST(SecretScan, FindsEachKindOfLeak) {
  EXPECT_TRUE(find_secrets(R"({"headers":[["Authorization","[redacted]"]],"secret":"[redacted]"})", {}).empty());
  EXPECT_FALSE(find_secrets(R"(["Authorization","Basic dXNlcjpwYXNzd29yZA=="])", {}).empty());
  EXPECT_FALSE(find_secrets(R"({"secret":"hunter2"})", {}).empty());
  EXPECT_FALSE(find_secrets(R"({"hook_secret":"x"})", {}).empty());
  EXPECT_FALSE(find_secrets("GET /x?token=abc", {}).empty());
  EXPECT_FALSE(find_secrets("key 0123456789abcdef0123456789abcdef here", {}).empty());
  EXPECT_TRUE(find_secrets("a 33-hex run 0123456789abcdef0123456789abcdef0 is not a key", {}).empty());
  EXPECT_FALSE(find_secrets("a configured pq-live-test-key-8c1d55e0 value", test_secrets()).empty());
}

}  // namespace
}  // namespace lpsync::testing
