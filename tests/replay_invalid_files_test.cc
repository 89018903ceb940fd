// `lpsync replay` on files that are not valid scenarios: each kind exits 2 (kExitUsage) with a
// message that names the file and, where there is one, the JSON path of the first problem,
// and nothing runs. Driven through run_lpsync, with the files written to TEST_TMPDIR.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tools/command.h"

namespace lpsync::cli {
namespace {

struct Outcome {
  int status;
  std::string out, err;
};

std::string tmp_path(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return (std::filesystem::path(dir ? dir : "/tmp") / name).string();
}

std::string write_file(const std::string& name, const std::string& text) {
  std::string path = tmp_path(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

Outcome replay(const std::vector<std::string>& files) {
  std::vector<std::string> argv = {"replay"};
  argv.insert(argv.end(), files.begin(), files.end());
  std::ostringstream out, err;
  int status = run_lpsync(argv, out, err);
  return {status, out.str(), err.str()};
}

// A valid scenario with `extra` spliced in before `run_until` (so it can add or override
// top-level keys) and `timeline` as its timeline.
std::string scenario(const std::string& extra = "", const std::string& timeline = "[]",
                     const std::string& start = "2026-11-02T08:00:00Z") {
  return R"({
  "format": "lpsync-scenario/1",
  "name": "invalid-case",
  "start": ")" + start + R"(",
  "lightspeed": {"products": [{"id": 1, "title": "Mug", "variants": [{"id": 11, "sku": "MUG"}]}]},
  "timeline": )" + timeline + R"(,)" + extra + R"(
  "run_until": "+1h",
  "expect": {"picqer.orders_count": 0}
})";
}

void expect_invalid(const Outcome& r, const std::string& file, const std::string& json_path,
                    const std::string& what) {
  EXPECT_EQ(r.status, kExitUsage) << r.out << r.err;
  EXPECT_NE(r.err.find(file), std::string::npos) << "names the file: " << r.err;
  if (!json_path.empty()) {
    EXPECT_NE(r.err.find(json_path), std::string::npos) << "names the JSON path: " << r.err;
  }
  EXPECT_NE(r.err.find(what), std::string::npos) << "says what is wrong: " << r.err;
  EXPECT_EQ(r.out.find("PASS"), std::string::npos) << "nothing ran: " << r.out;
}

TEST(ReplayInvalidFiles, TheBaseScenarioIsValid) {
  std::string file = write_file("valid.json", scenario());
  Outcome r = replay({file});
  EXPECT_EQ(r.status, kExitOk) << r.out << r.err;
  EXPECT_NE(r.out.find("PASS invalid-case"), std::string::npos) << r.out;
}

TEST(ReplayInvalidFiles, UnknownKeyInTheExpectations) {
  std::string text = scenario();
  text.replace(text.find("\"picqer.orders_count\""), std::string("\"picqer.orders_count\"").size(),
               "\"picqer.order_count\"");
  std::string file = write_file("unknown-key.json", text);
  expect_invalid(replay({file}), file, "$.expect", "picqer.order_count");
}

TEST(ReplayInvalidFiles, UnknownTopLevelKey) {
  std::string file = write_file("unknown-top-key.json", scenario(R"( "run_untill": "+2h",)"));
  expect_invalid(replay({file}), file, "$", "run_untill");
}

TEST(ReplayInvalidFiles, BadTimeInTheTimeline) {
  std::string file = write_file(
      "bad-time.json", scenario("", R"([{"at": "+1h30m", "engine.crash": {}}])"));
  expect_invalid(replay({file}), file, "$.timeline[0].at", "+1h30m");
}

TEST(ReplayInvalidFiles, StartThatIsNotAnInstant) {
  std::string file = write_file("bad-start.json", scenario("", "[]", "2026-13-02T08:00:00Z"));
  expect_invalid(replay({file}), file, "$.start", "2026-13-02");
}

TEST(ReplayInvalidFiles, UnknownFaultKind) {
  std::string file = write_file(
      "bad-fault.json",
      scenario("", R"([{"at": "+1m", "fault": {"target": "picqer", "kind": "http_502", "count": 1}}])"));
  Outcome r = replay({file});
  expect_invalid(r, file, "$.timeline[0].fault.kind", "http_502");
  EXPECT_NE(r.err.find("http_500"), std::string::npos) << "lists the known kinds: " << r.err;
}

TEST(ReplayInvalidFiles, MalformedJson) {
  std::string file = write_file("malformed.json", "{\"format\": \"lpsync-scenario/1\", \"name\": ");
  expect_invalid(replay({file}), file, "", "JSON");
}

TEST(ReplayInvalidFiles, UnreadableFiles) {
  std::string missing = tmp_path("no-such-scenario.json");
  expect_invalid(replay({missing}), missing, "", "no such file");
  std::string dir = tmp_path("a-directory.json");
  std::filesystem::create_directories(dir);
  expect_invalid(replay({dir}), dir, "", "directory");
}

TEST(ReplayInvalidFiles, OneBadFileStopsTheWholeRunBeforeAnythingRuns) {
  std::string good = write_file("good.json", scenario());
  std::string bad = write_file("bad-among-good.json",
                               scenario("", R"([{"at": "+1m", "fault": {"target": "shop", "kind": "reset"}}])"));
  Outcome r = replay({good, bad});
  expect_invalid(r, bad, "$.timeline[0].fault.target", "shop");
}

}  // namespace
}  // namespace lpsync::cli
